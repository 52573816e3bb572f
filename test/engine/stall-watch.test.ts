/**
 * The engine's stall guard (a run that stops advancing throws SimulationStalled naming the
 * handlers that kept firing) and event budgets (a run sliced by event count ends exactly as
 * one uninterrupted run).
 */
import { describe, expect, it } from "vitest";
import {
  Engine,
  MAX_EVENTS_AT_ONE_INSTANT,
  SimulationStalled,
  STALL_INSTANT_SECONDS,
} from "../../src/engine/engine.ts";

/** An engine whose handler `loop` re-schedules itself `gapSeconds` later, for ever. */
function loopingEngine(gapSeconds: number, maxEventsAtOneInstant?: number, startSeconds = 5) {
  const engine = new Engine(maxEventsAtOneInstant === undefined ? {} : { maxEventsAtOneInstant });
  const loop: number = engine.registerHandler("loop", () => {
    engine.scheduleAfter(gapSeconds, loop, 0);
    engine.scheduleAfter(gapSeconds, echo, 0);
  });
  const echo = engine.registerHandler("echo", () => {});
  engine.schedule(startSeconds, loop, 0);
  return engine;
}

function stallOf(run: () => unknown): SimulationStalled {
  try {
    run();
  } catch (error) {
    if (error instanceof SimulationStalled) return error;
    throw error;
  }
  throw new Error("the run did not stall");
}

describe("stall guard", () => {
  it("stops a handler that re-fires at the same instant, naming the handlers", () => {
    const engine = loopingEngine(0);
    const stall = stallOf(() => engine.run());
    expect(stall.timeSeconds).toBe(5);
    expect(stall.eventCount).toBe(MAX_EVENTS_AT_ONE_INSTANT);
    expect(stall.handlerCounts.map((entry) => entry.handler).sort()).toEqual(["echo", "loop"]);
    const sampled = stall.handlerCounts.reduce((sum, entry) => sum + entry.count, 0);
    expect(sampled).toBeGreaterThan(0);
    expect(sampled).toBeLessThan(MAX_EVENTS_AT_ONE_INSTANT);
    expect(stall.message).toContain("at simulated time 5 s without advancing");
  });

  it("stops a clock that creeps forward by less than an instant per event", () => {
    // From 0, each step of 1e-300 s really moves the clock (at 5 it would be lost in rounding).
    const stall = stallOf(() => loopingEngine(1e-300, 5000, 0).run());
    expect(stall.eventCount).toBe(5000);
    expect(stall.timeSeconds).toBeGreaterThan(0);
  });

  it("lets a run that advances by more than an instant per event go on", () => {
    const engine = loopingEngine(STALL_INSTANT_SECONDS * 2, 5000);
    expect(engine.runUntil(5 + 10_000 * STALL_INSTANT_SECONDS * 2)).toBe(false);
    expect(engine.processedCount).toBeGreaterThan(15_000);
  });

  it("allows a burst below the limit at one instant", () => {
    const engine = new Engine({ maxEventsAtOneInstant: 1000 });
    const tick = engine.registerHandler("tick", () => {});
    for (let index = 0; index < 999; index++) engine.schedule(1, tick, index);
    expect(engine.run()).toBe(false);
    expect(engine.processedCount).toBe(999);
  });
});

describe("event budgets", () => {
  /** Fires random events that schedule more, recording the order. */
  function recordedRun(slice: (engine: Engine, until: number) => void): string[] {
    const engine = new Engine();
    const fired: string[] = [];
    let state = 7;
    const next = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    const spawn: number = engine.registerHandler("spawn", (depth) => {
      fired.push(`${depth}@${engine.now}`);
      if (depth < 12) {
        engine.scheduleAfter(next() < 0.3 ? 0 : next() * 10, spawn, depth + 1);
        engine.scheduleAfter(next() * 10, spawn, depth + 1);
      }
    });
    engine.schedule(0, spawn, 0);
    slice(engine, 100);
    fired.push(`end@${engine.now}`);
    return fired;
  }

  it("returns 'budget' when the events run out first, and slicing changes nothing", () => {
    const whole = recordedRun((engine, until) => {
      expect(engine.runWithin(until)).toBe("reached");
    });
    const sliced = recordedRun((engine, until) => {
      let budgets = 0;
      while (engine.runWithin(until, 7) === "budget") budgets++;
      expect(budgets).toBeGreaterThan(10);
    });
    expect(whole.length).toBeGreaterThan(100);
    expect(sliced).toEqual(whole);
  });
});
