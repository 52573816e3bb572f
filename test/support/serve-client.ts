/**
 * A minimal signed client of `ccsim serve` for tests: signs each request as the SDKs do
 * (src/serve/hmac.ts's client side, checked against the real Python SDK's own signatures in
 * test/serve/hmac.test.ts) and sends it with fetch, api-version 2023-11-01 unless the path has
 * its own query.
 */
import { signRequest } from "../../src/serve/hmac.ts";

/**
 * The x-ms-date the client signs: fixed, since the server does not compare it with its clock
 * (docs/serve.md) and tests do not read the wall clock.
 */
export const SIGNED_DATE = "Wed, 02 Dec 2026 04:00:00 GMT";

/** An answer: status, parsed JSON body (undefined when empty) and headers. */
export interface ClientAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answers.
  readonly body: any;
  readonly headers: Headers;
}

/** A client of the server at `baseUrl` signing with `key` (the decoded access key). */
export function serveClient(baseUrl: string, key: Uint8Array) {
  return async (method: string, path: string, body?: unknown): Promise<ClientAnswer> => {
    const pathAndQuery = path.includes("?") ? path : `${path}?api-version=2023-11-01`;
    const url = new URL(pathAndQuery, baseUrl);
    const bytes = Buffer.from(body === undefined ? "" : JSON.stringify(body));
    const headers = signRequest(
      {
        method,
        pathAndQuery: `${url.pathname}${url.search}`,
        host: url.host,
        date: SIGNED_DATE,
        body: bytes,
      },
      key,
    );
    const response = await fetch(url, {
      method,
      headers: { ...headers, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: bytes }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === "" ? undefined : JSON.parse(text),
      headers: response.headers,
    };
  };
}
