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

/** How long a generated certificate is valid. */
const VALID_DAYS = 30;

/** Makes a certificate for localhost, 127.0.0.1 and ::1, valid from `now` (ms since the epoch). */
export async function selfSignedCertificate(now: number): Promise<TlsMaterial> {
  const { generate } = await import("selfsigned");
  const notBeforeDate = new Date(now - 60_000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate: new Date(now + VALID_DAYS * 86_400_000),
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
