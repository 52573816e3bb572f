/**
 * The classic "hold" model for event sets: keep N events pending; repeatedly take the earliest
 * and schedule a new one a random delay later. One hold = one pop + one push through the
 * engine's public API (dispatch included). Also a variant where each event first schedules a
 * timer that it then cancels (as offer-expiry and patience timers are), to price removal.
 */
import { Engine } from "../../src/engine/engine.ts";
import type { BenchCase } from "../types.ts";

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

function hold(pending: number, holds: number, withCancel: boolean): number {
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
  const started = process.hrtime.bigint();
  engine.runUntil(Number.POSITIVE_INFINITY);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export const engineHold: BenchCase = {
  name: "engine-hold-10k",
  description: "engine push+pop pairs per second with 10,000 pending events",
  unit: "push+pop/s",
  run() {
    const holds = 5_000_000;
    hold(10_000, 200_000, false); // warm-up: let the JIT settle
    const seconds = hold(10_000, holds, false);
    return { operations: holds, seconds };
  },
};

export const engineHoldCancel: BenchCase = {
  name: "engine-hold-cancel-10k",
  description: "as engine-hold-10k, plus one schedule+cancel of a timer per event",
  unit: "events/s",
  run() {
    const holds = 3_000_000;
    hold(10_000, 200_000, true);
    const seconds = hold(10_000, holds, true);
    return { operations: holds, seconds };
  },
};
