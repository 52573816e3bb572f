/**
 * The service's request signature (HMAC-SHA256, as the Communication Services SDKs sign every
 * call): the client hashes the body (`x-ms-content-sha256`, base64 SHA-256), then signs
 * `VERB\npath?query\nx-ms-date;host;content-hash` with the base64-decoded access key and sends
 * `Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…`.
 * `verifySignedRequest` checks all of it against the key `ccsim serve` was given; `signRequest`
 * is the client side, for ccsim's own tests and tools. Pure: no clock, no I/O.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The headers the service signs, in the order the SDKs list them. */
export const SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

const AUTHORIZATION_PATTERN = /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(.+)$/;

/** What of a request its signature covers. */
export interface SignableRequest {
  readonly method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  readonly pathAndQuery: string;
  readonly host: string;
  readonly date: string;
  readonly body: Uint8Array;
}

/** The base64 SHA-256 of a body: the `x-ms-content-sha256` header. */
export function contentHashOf(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("base64");
}

/** The text the signature is an HMAC of. */
export function stringToSign(request: SignableRequest, contentHash: string): string {
  const verb = request.method.toUpperCase();
  return `${verb}\n${request.pathAndQuery}\n${request.date};${request.host};${contentHash}`;
}

/** The key the access key stands for: its base64 decoding (any base64 text is a key). */
export function decodeAccessKey(accessKey: string): Buffer | null {
  const trimmed = accessKey.trim();
  if (trimmed.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    return null;
  }
  return Buffer.from(trimmed, "base64");
}

function hmacOf(key: Uint8Array, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("base64");
}

/** The headers a client sends for `request` signed with `key` (decoded access key). */
export function signRequest(request: SignableRequest, key: Uint8Array): Record<string, string> {
  const contentHash = contentHashOf(request.body);
  const signature = hmacOf(key, stringToSign(request, contentHash));
  return {
    "x-ms-date": request.date,
    "x-ms-content-sha256": contentHash,
    authorization: `HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=${signature}`,
  };
}

/** A request as received: its headers by lower-case name. */
export interface ReceivedRequest {
  readonly method: string;
  readonly pathAndQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

/** Why a request's signature was refused (the 401's message), or null when it holds. */
export function signatureProblem(request: ReceivedRequest, key: Uint8Array): string | null {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const authorization = header("authorization");
  if (authorization === undefined) return "the request has no Authorization header";
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (match === null) {
    return "the Authorization header is not 'HMAC-SHA256 SignedHeaders=…&Signature=…'";
  }
  const [, signedHeaders, signature] = match as unknown as [string, string, string];
  if (signedHeaders.toLowerCase() !== SIGNED_HEADERS) {
    return `the signed headers must be ${SIGNED_HEADERS} (got ${signedHeaders})`;
  }
  const date = header("x-ms-date");
  const host = header("host");
  const claimedHash = header("x-ms-content-sha256");
  if (date === undefined) return "the request has no x-ms-date header";
  if (host === undefined) return "the request has no Host header";
  if (claimedHash === undefined) return "the request has no x-ms-content-sha256 header";
  const contentHash = contentHashOf(request.body);
  if (claimedHash !== contentHash) return "x-ms-content-sha256 is not the SHA-256 of the body";
  const given = Buffer.from(signature);
  // The Python SDK signs its endpoint as given, less the scheme: an endpoint ending in `/`
  // signs the host with that slash (a connection string's endpoint loses it first).
  for (const signedHost of [host, `${host}/`]) {
    const text = stringToSign({ ...request, host: signedHost, date }, contentHash);
    const expected = Buffer.from(hmacOf(key, text));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return null;
  }
  return "the signature does not match the access key (check the key and the signed host)";
}
