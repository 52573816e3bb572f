/**
 * The classic "hold" model for event sets: keep N events pending; repeatedly take the earliest
 * and schedule a new one a random delay later. One hold = one pop + one push through the
 * engine's public API (dispatch included). Also a variant where each event first schedules a
 * timer that it then cancels (as offer-expiry and patience timers are), to price removal, and
 * one shaped like perf-mm50's engine work per job (see `dueNowHold`).
 */
import { Engine } from "../../src/engine/engine.ts";
import { measureCpu } from "../measure.ts";
import type { BenchCase, BenchSize, Measurement } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";

/** xorshift32 in [0,1): the benchmark's own generator, so it measures the engine alone. */
function makeUniform(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function hold(pending: number, holds: number, withCancel: boolean): void {
  const engine = new Engine();
  const uniform = makeUniform(12345);
  let remaining = holds;
  let noop = -1;
  noop = engine.registerHandler("noop", () => {});
  let tick = -1;
  tick = engine.registerHandler("tick", () => {
    if (withCancel) engine.cancel(engine.scheduleAfter(50 + uniform() * 100, noop, 0));
    if (--remaining > 0) engine.scheduleAfter(-Math.log(1 - uniform()) * 100, tick, 0);
  });
  for (let i = 0; i < pending; i++) engine.schedule(-Math.log(1 - uniform()) * 100, tick, i);
  remaining += pending;
  engine.runUntil(Number.POSITIVE_INFINITY);
}

/**
 * perf-mm50's engine work per job, with about 100 pending events (50 handling ends, the next
 * arrival, open offers' expiry timers): each hold schedules a 30 s timer (an offer's expiry)
 * and a zero-delay event (the offer answered at once) that cancels it, then the next hold.
 * The timer goes to the heap, or with `inLane` to a delay lane (as the router's offer expiries).
 */
function dueNowHold(pending: number, holds: number, inLane: boolean): void {
  const engine = new Engine();
  const uniform = makeUniform(12345);
  let remaining = holds;
  let timer = 0;
  const expire = engine.registerHandler("expire", () => {});
  const lane = engine.delayLane(expire, 30);
  const answer = engine.registerHandler("answer", () => engine.cancel(timer), 2);
  let tick = -1;
  tick = engine.registerHandler(
    "tick",
    () => {
      timer = inLane ? engine.scheduleInLane(lane, 0) : engine.scheduleAfter(30, expire, 0);
      engine.scheduleAfter(0, answer, 0);
      if (--remaining > 0) engine.scheduleAfter(-Math.log(1 - uniform()) * 100, tick, 0);
    },
    4,
  );
  for (let i = 0; i < pending; i++) engine.schedule(-Math.log(1 - uniform()) * 100, tick, i);
  remaining += pending;
  engine.runUntil(Number.POSITIVE_INFINITY);
}

/** Holds per second of CPU time, after a warm-up, with the yardstick timed just before. */
function measureHolds(holds: number, withCancel: boolean): Measurement {
  const loopJobsPerCpuSecond = timeYardstick();
  hold(10_000, 200_000, withCancel); // warm-up: let the JIT settle
  const { cpuSeconds } = measureCpu(() => hold(10_000, holds, withCancel));
  return { operations: holds, cpuSeconds, loopJobsPerCpuSecond };
}

/** As `measureHolds`, for `dueNowHold` with 100 pending events. */
function measureDueNowHolds(holds: number, inLane: boolean): Measurement {
  const loopJobsPerCpuSecond = timeYardstick();
  dueNowHold(100, 200_000, inLane); // warm-up
  const { cpuSeconds } = measureCpu(() => dueNowHold(100, holds, inLane));
  return { operations: holds, cpuSeconds, loopJobsPerCpuSecond };
}

const HOLDS: Readonly<Record<BenchSize, number>> = { full: 5_000_000, quick: 500_000 };
const HOLDS_WITH_CANCEL: Readonly<Record<BenchSize, number>> = { full: 3_000_000, quick: 300_000 };

export const engineHold: BenchCase = {
  name: "engine-hold-10k",
  description: "engine push+pop pairs with 10,000 pending events",
  run: (size) => measureHolds(HOLDS[size], false),
};

export const engineHoldCancel: BenchCase = {
  name: "engine-hold-cancel-10k",
  description: "as engine-hold-10k, plus one schedule+cancel of a timer per event",
  run: (size) => measureHolds(HOLDS_WITH_CANCEL[size], true),
};

const DUE_NOW_HOLDS: Readonly<Record<BenchSize, number>> = { full: 3_000_000, quick: 300_000 };

export const engineDueNow: BenchCase = {
  name: "engine-due-now-100",
  description:
    "perf-mm50's engine work per job alone: 100 pending, a timer and a zero-delay event cancelling it per hold",
  run: (size) => measureDueNowHolds(DUE_NOW_HOLDS[size], false),
};

export const engineDueNowLane: BenchCase = {
  name: "engine-due-now-lane-100",
  description: "as engine-due-now-100, the 30 s timer in a delay lane (as offer expiries are)",
  run: (size) => measureDueNowHolds(DUE_NOW_HOLDS[size], true),
};
