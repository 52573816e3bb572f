/**
 * The request signature: what a client signs verifies, and any change to what it covers (verb,
 * path, query, host, date, body) or a wrong key is refused with a reason.
 */
import { readFileSync } from "node:fs";
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

/** Requests the official Python SDK signed (test/serve/python/sign_request.py recorded them). */
const recording = JSON.parse(
  readFileSync(
    new URL("../fixtures/serve/python-sdk-signed-requests.json", import.meta.url),
    "utf8",
  ),
) as {
  key: string;
  requests: {
    method: string;
    pathAndQuery: string;
    headers: Record<string, string>;
    bodyBase64: string;
  }[];
};

describe("signatures of the official Python SDK", () => {
  const sdkKey = decodeAccessKey(recording.key) as Buffer;
  const requests = recording.requests.map((request) => ({
    method: request.method,
    pathAndQuery: request.pathAndQuery,
    headers: request.headers,
    body: Buffer.from(request.bodyBase64, "base64"),
  }));

  it("verify, for every kind of request it recorded", () => {
    expect(requests.map((request) => request.method)).toEqual(
      expect.arrayContaining(["GET", "PATCH", "POST"]),
    );
    for (const request of requests) expect(signatureProblem(request, sdkKey)).toBeNull();
  });

  it("fail with another key, another path or another body", () => {
    for (const request of requests) {
      expect(signatureProblem(request, Buffer.from("not the key"))).not.toBeNull();
      const elsewhere = { ...request, pathAndQuery: `${request.pathAndQuery}&x=1` };
      expect(signatureProblem(elsewhere, sdkKey)).not.toBeNull();
    }
    const withBody = requests.find((request) => request.body.length > 0);
    if (withBody === undefined) throw new Error("the recording has no request with a body");
    const changed = { ...withBody, body: Buffer.from(`${withBody.body.toString()} `) };
    expect(signatureProblem(changed, sdkKey)).toMatch(/SHA-256 of the body/);
  });

  it("verify when the endpoint it was given ends in a slash (it signs the host with it)", () => {
    const request = requests[0] as (typeof requests)[number];
    const date = request.headers["x-ms-date"] as string;
    const host = request.headers.host as string;
    const signed = signRequest(
      {
        method: request.method,
        pathAndQuery: request.pathAndQuery,
        host: `${host}/`,
        date,
        body: request.body,
      },
      sdkKey,
    );
    const received = { ...request, headers: { ...request.headers, ...signed } };
    expect(signatureProblem(received, sdkKey)).toBeNull();
  });
});
