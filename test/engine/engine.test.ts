import { describe, expect, it } from "vitest";
import { Engine, SchedulingError } from "../../src/engine/engine.ts";

function recorder(engine: Engine) {
  const fired: string[] = [];
  const make = (name: string, priorityClass = 0) =>
    engine.registerHandler(
      name,
      (argument) => fired.push(`${name}${argument}@${engine.now}`),
      priorityClass,
    );
  return { fired, make };
}

describe("Engine", () => {
  it("fires events in time order and advances the clock", () => {
    const engine = new Engine();
    const { fired, make } = recorder(engine);
    const tick = make("t");
    engine.schedule(5, tick, 1);
    engine.schedule(1, tick, 2);
    engine.schedule(3, tick, 3);
    engine.run();
    expect(fired).toEqual(["t2@1", "t3@3", "t1@5"]);
    expect(engine.now).toBe(5);
    expect(engine.processedCount).toBe(3);
  });

  it("orders equal times by priority class, then by insertion", () => {
    const engine = new Engine();
    const { fired, make } = recorder(engine);
    const late = make("late", 2);
    const early = make("early", 0);
    engine.schedule(1, late, 1);
    engine.schedule(1, early, 1);
    engine.schedule(1, late, 2);
    engine.schedule(1, early, 2);
    engine.run();
    expect(fired).toEqual(["early1@1", "early2@1", "late1@1", "late2@1"]);
  });

  it("never fires a cancelled event, and cancel reports whether anything was pending", () => {
    const engine = new Engine();
    const { fired, make } = recorder(engine);
    const tick = make("t");
    const a = engine.schedule(1, tick, 1);
    const b = engine.schedule(2, tick, 2);
    expect(engine.isPending(a)).toBe(true);
    expect(engine.timeOf(b)).toBe(2);
    expect(engine.cancel(a)).toBe(true);
    expect(engine.cancel(a)).toBe(false);
    expect(engine.isPending(a)).toBe(false);
    engine.run();
    expect(fired).toEqual(["t2@2"]);
    expect(engine.cancel(b)).toBe(false);
    expect(engine.timeOf(b)).toBeNaN();
  });

  it("does not let a stale id cancel the event that reuses its slot", () => {
    const engine = new Engine();
    const { fired, make } = recorder(engine);
    const tick = make("t");
    const stale = engine.schedule(1, tick, 1);
    engine.cancel(stale);
    const fresh = engine.schedule(2, tick, 2);
    expect(fresh).not.toBe(stale);
    expect(engine.cancel(stale)).toBe(false);
    engine.run();
    expect(fired).toEqual(["t2@2"]);
  });

  it("rejects scheduling in the past, at NaN, or for an unknown handler", () => {
    const engine = new Engine();
    const tick = engine.registerHandler("t", () => {});
    engine.schedule(10, tick, 0);
    engine.run();
    expect(() => engine.schedule(9.5, tick, 0)).toThrow(SchedulingError);
    expect(() => engine.schedule(9.5, tick, 0)).toThrow(/in the past: 9.5 < now 10 \(handler t\)/);
    expect(() => engine.schedule(Number.NaN, tick, 0)).toThrow(/NaN/);
    expect(() => engine.scheduleAfter(-1, tick, 0)).toThrow(SchedulingError);
    expect(() => engine.schedule(11, 42, 0)).toThrow(/unknown handler/);
    expect(() => engine.registerHandler("bad", () => {}, 1.5)).toThrow(RangeError);
  });

  it("runUntil fires events at the boundary, then parks the clock there", () => {
    const engine = new Engine();
    const { fired, make } = recorder(engine);
    const tick = make("t");
    engine.schedule(10, tick, 1);
    engine.schedule(10.5, tick, 2);
    engine.runUntil(10);
    expect(fired).toEqual(["t1@10"]);
    expect(engine.now).toBe(10);
    engine.runUntil(20);
    expect(engine.now).toBe(20);
    expect(engine.pendingCount).toBe(0);
  });

  it("lets handlers schedule new events, including at the current time", () => {
    const engine = new Engine();
    const fired: number[] = [];
    let chain = -1;
    chain = engine.registerHandler("chain", (n) => {
      fired.push(n);
      if (n < 3) engine.scheduleAfter(0, chain, n + 1);
    });
    engine.schedule(1, chain, 0);
    engine.run();
    expect(fired).toEqual([0, 1, 2, 3]);
    expect(engine.now).toBe(1);
  });

  it("stop() returns control after the current event", () => {
    const engine = new Engine();
    const fired: number[] = [];
    const tick = engine.registerHandler("t", (n) => {
      fired.push(n);
      if (n === 2) engine.stop();
    });
    for (let i = 1; i <= 4; i++) engine.schedule(i, tick, i);
    expect(engine.run()).toBe(true);
    expect(fired).toEqual([1, 2]);
    expect(engine.run()).toBe(false);
    expect(fired).toEqual([1, 2, 3, 4]);
  });

  it("calls afterEvent with the handler name after each event", () => {
    const seen: string[] = [];
    const engine = new Engine({ afterEvent: (name, argument) => seen.push(`${name}:${argument}`) });
    const tick = engine.registerHandler("tick", () => {});
    engine.schedule(1, tick, 7);
    engine.run();
    expect(seen).toEqual(["tick:7"]);
  });

  it("keeps many pending events in order while growing", () => {
    const engine = new Engine();
    const times: number[] = [];
    const tick = engine.registerHandler("t", () => times.push(engine.now));
    for (let i = 0; i < 5000; i++) engine.schedule((i * 7919) % 5003, tick, i);
    engine.run();
    expect(times).toHaveLength(5000);
    for (let i = 1; i < times.length; i++)
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
  });
});
