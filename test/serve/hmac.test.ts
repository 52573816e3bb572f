/**
 * The request signature: what a client signs verifies, and any change to what it covers (verb,
 * path, query, host, date, body) or a wrong key is refused with a reason.
 */
import { describe, expect, it } from "vitest";
import {
  contentHashOf,
  decodeAccessKey,
  type SignableRequest,
  signatureProblem,
  signRequest,
  stringToSign,
} from "../../src/serve/hmac.ts";

const key = decodeAccessKey(Buffer.from("ccsim-test-key-0123456789abcdef").toString("base64"));
if (key === null) throw new Error("the test key must decode");

const request: SignableRequest = {
  method: "PATCH",
  pathAndQuery: "/routing/jobs/job-1?api-version=2023-11-01",
  host: "127.0.0.1:8088",
  date: "Wed, 02 Dec 2026 04:00:00 GMT",
  body: Buffer.from('{"channelId":"voice","queueId":"support"}'),
};

function received(signed: SignableRequest, overrides: Partial<SignableRequest> = {}) {
  const sent = { ...signed, ...overrides };
  return {
    method: sent.method,
    pathAndQuery: sent.pathAndQuery,
    body: sent.body,
    headers: { ...signRequest(signed, key as Buffer), host: sent.host } as Record<string, string>,
  };
}

describe("the HMAC-SHA256 request signature", () => {
  it("spells the string to sign as the service documents it", () => {
    const hash = contentHashOf(request.body);
    expect(stringToSign(request, hash)).toBe(
      `PATCH\n/routing/jobs/job-1?api-version=2023-11-01\nWed, 02 Dec 2026 04:00:00 GMT;127.0.0.1:8088;${hash}`,
    );
    // The hash of an empty body, as clients send it for GET.
    expect(contentHashOf(Buffer.alloc(0))).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });

  it("verifies what it signed", () => {
    expect(signatureProblem(received(request), key)).toBeNull();
  });

  it("refuses a request changed after signing, naming why", () => {
    const cases: [Partial<SignableRequest>, RegExp][] = [
      [{ method: "DELETE" }, /signature does not match/],
      [{ pathAndQuery: "/routing/jobs/job-2?api-version=2023-11-01" }, /signature does not match/],
      [{ pathAndQuery: "/routing/jobs/job-1?api-version=2024-01-18" }, /signature does not match/],
      [{ host: "127.0.0.1:9000" }, /signature does not match/],
      [{ body: Buffer.from('{"channelId":"chat"}') }, /not the SHA-256 of the body/],
    ];
    for (const [change, reason] of cases) {
      expect(signatureProblem(received(request, change), key)).toMatch(reason);
    }
    const otherKey = Buffer.from("another key");
    expect(signatureProblem(received(request), otherKey)).toMatch(/signature does not match/);
  });

  it("refuses missing or malformed headers", () => {
    const good = received(request);
    const without = (name: string) => {
      const headers: Record<string, string> = { ...good.headers };
      delete headers[name];
      return { ...good, headers };
    };
    expect(signatureProblem(without("authorization"), key)).toMatch(/no Authorization/);
    expect(signatureProblem(without("x-ms-date"), key)).toMatch(/no x-ms-date/);
    expect(signatureProblem(without("host"), key)).toMatch(/no Host/);
    expect(signatureProblem(without("x-ms-content-sha256"), key)).toMatch(/x-ms-content-sha256/);
    const bearer = { ...good, headers: { ...good.headers, authorization: "Bearer abc" } };
    expect(signatureProblem(bearer, key)).toMatch(/not 'HMAC-SHA256/);
    const fewer = {
      ...good,
      headers: {
        ...good.headers,
        authorization: (good.headers.authorization as string).replace("x-ms-date;host;", "host;"),
      },
    };
    expect(signatureProblem(fewer, key)).toMatch(/signed headers must be/);
  });

  it("takes any base64 text as an access key, and nothing else", () => {
    expect(decodeAccessKey("c2VjcmV0")?.toString()).toBe("secret");
    expect(decodeAccessKey("not base64!")).toBeNull();
    expect(decodeAccessKey("")).toBeNull();
    expect(decodeAccessKey("abc")).toBeNull();
  });
});
