/**
 * A self-signed certificate for `ccsim serve --tls` when none is given: the SDKs built from a
 * connection string speak only HTTPS (the Python SDK rewrites the endpoint to https://), so a
 * local server needs one, and a client trusts it by being pointed at its PEM (Python's
 * `connection_verify`, Node's `NODE_EXTRA_CA_CERTS`). Valid for this machine's loopback names
 * only, for 30 days; EC P-256, signed with SHA-256.
 */

/** A certificate and its private key, PEM. */
export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
}

/** How long a certificate made for `ccsim serve --tls` is valid. */
export const VALID_DAYS = 30;

/** When a certificate is valid, in milliseconds since the epoch. */
export interface Validity {
  readonly notBeforeMs: number;
  readonly notAfterMs: number;
}

/** `VALID_DAYS` from a minute before `nowMs` (a client's clock may be a little behind). */
export function validityFrom(nowMs: number): Validity {
  return { notBeforeMs: nowMs - 60_000, notAfterMs: nowMs + VALID_DAYS * 86_400_000 };
}

/** Makes a certificate for localhost, 127.0.0.1 and ::1, valid over `validity`. */
export async function selfSignedCertificate(validity: Validity): Promise<TlsMaterial> {
  const { generate } = await import("selfsigned");
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: new Date(validity.notBeforeMs),
    notAfterDate: new Date(validity.notAfterMs),
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      // An EC key signs the handshake; it never enciphers a key.
      { name: "keyUsage", digitalSignature: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
