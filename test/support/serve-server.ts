/**
 * `ccsim serve` in the test's own process: a JobRouterService behind startHttpServer on a free
 * port of 127.0.0.1, signed with the tests' key, closed after each test, which then fails if
 * the server reported an internal error (a bug) meanwhile.
 */
import { afterEach, expect } from "vitest";
import type { RouterConfig } from "../../src/router/types.ts";
import type { TlsMaterial } from "../../src/serve/certificate.ts";
import { ManualClock, type WallClock } from "../../src/serve/clock.ts";
import { type RunningServer, startHttpServer } from "../../src/serve/http-server.ts";
import { JobRouterService } from "../../src/serve/service.ts";

/** The tests' access key (base64 of an obviously fake secret) and its decoded bytes. */
export const TEST_ACCESS_KEY = Buffer.from("ccsim-test-key-0123456789abcdef").toString("base64");
export const TEST_KEY = Buffer.from(TEST_ACCESS_KEY, "base64");

/** Simulated time 0 of the tests' servers, as the service writes it: 2026-01-01T00:00:00Z. */
export const TEST_ORIGIN_MS = Date.parse("2026-01-01T00:00:00Z");

/** What a test server starts with: by default nothing preloaded, time standing still, HTTP. */
export interface TestServerOptions {
  readonly config?: RouterConfig;
  readonly clock?: WallClock | ManualClock;
  readonly tls?: TlsMaterial;
}

/**
 * Registers the after-each close of the file's servers; `start` starts one. Call it at the top
 * of a test file.
 */
export function serversClosedAfterEachTest() {
  const running: RunningServer[] = [];
  const internalErrors: unknown[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
    expect(internalErrors.splice(0)).toEqual([]);
  });
  return {
    async start(options: TestServerOptions = {}) {
      const service = new JobRouterService({
        config: options.config ?? { distributionPolicies: [], queues: [] },
        time: { originMs: TEST_ORIGIN_MS },
      });
      const server = await startHttpServer({
        service,
        clock: options.clock ?? new ManualClock(),
        key: TEST_KEY,
        host: "127.0.0.1",
        port: 0,
        ...(options.tls === undefined ? {} : { tls: options.tls }),
        onInternalError: (error) => internalErrors.push(error),
      });
      running.push(server);
      return { service, url: server.url };
    },
  };
}
