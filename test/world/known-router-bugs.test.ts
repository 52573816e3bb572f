/**
 * Router bugs found by the world's tests, kept as failing scenarios (`it.fails`) until the
 * router is fixed (src/router/ belongs to another engineer). When one starts passing, the fix
 * has landed: turn `it.fails` into `it` and keep the scenario as a regression test.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runYaml } from "./harness.ts";

const FIXTURE = "test/fixtures/world/router-decline-retry-tie.yaml";

describe("known router bugs", () => {
  // Two decline-retry timers due at the same instant: after the first fires, the second's
  // worker is already eligible (eligibility.ts: now < untilSeconds) but not yet matched, and
  // checkInvariants reports "job job-2 wants offers but w-2 is eligible".
  it.fails("decline-retry timers due at the same instant keep matching quiescent", () => {
    const run = runYaml(readFileSync(FIXTURE, "utf8"), FIXTURE);
    expect(run.result.metrics.overall.abandoned).toBe(2);
  });
});
