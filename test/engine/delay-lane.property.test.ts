import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { assertProperty } from "../support/property.ts";
import { firstToFire, type ModelEvent } from "./reference-order.ts";

/**
 * Events a constant delay ahead wait in the engine's delay lanes (`delayLane`,
 * `scheduleInLane`), others in its heap or, when due now, its "now" lane: the engine, with
 * handlers that schedule into all three and cancel pending events while they run, against a
 * reference model (a plain list fired by the least (time, class, sequence)), in runs sliced by
 * time and by event budgets. Lanes share handlers with heap events, two lanes share a delay,
 * and one delay is fractional (its times are rounded sums, as the engine's are).
 */
type Action =
  | { kind: "schedule"; delay: number; priorityClass: number }
  | { kind: "lane"; lane: number }
  | { kind: "ordered"; lane: number; delay: number }
  | { kind: "cancel"; pick: number };

/** The lanes: a handler's priority class and a constant delay. */
const LANES: ReadonlyArray<{ priorityClass: number; delay: number }> = [
  { priorityClass: 0, delay: 1 },
  { priorityClass: 2, delay: 1 },
  { priorityClass: 1, delay: 2.5 },
  { priorityClass: 3, delay: 0.1 },
  { priorityClass: 2, delay: 3 },
];

/**
 * The ordered lanes (`orderedLane`, `scheduleInOrder`): a handler's priority class each. Their
 * events are scheduled at now plus any delay, so most come in order and some do not (those go
 * to the heap), and several may share an instant.
 */
const ORDERED_LANES: readonly number[] = [1, 3, 1];

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("schedule" as const),
      delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.constant(0.1)),
      priorityClass: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("lane" as const),
      lane: fc.integer({ min: 0, max: LANES.length - 1 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("ordered" as const),
      lane: fc.integer({ min: 0, max: ORDERED_LANES.length - 1 }),
      delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.constant(0.1)),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }), weight: 3 },
);

/** Handlers stop scheduling once this many events were scheduled, so that every run ends. */
const MAX_EVENTS = 400;

/** The firing order the engine must keep: a plain list, the least (time, class, sequence) first. */
function modelRun(
  scripts: Action[][],
  startClasses: number[],
): { fired: Array<{ label: number; time: number }>; cancels: boolean[] } {
  let model: ModelEvent[] = [];
  let scheduled = 0;
  const fired: Array<{ label: number; time: number }> = [];
  const cancels: boolean[] = [];
  const schedule = (time: number, priorityClass: number) => {
    model.push({ time, priorityClass, sequence: scheduled, label: scheduled });
    scheduled++;
  };
  for (const priorityClass of startClasses) schedule(0, priorityClass);
  while (model.length > 0) {
    const next = firstToFire(model);
    model = model.filter((event) => event !== next);
    fired.push({ label: next.label, time: next.time });
    if (scheduled >= MAX_EVENTS) continue;
    for (const step of scripts[next.label % scripts.length] as Action[]) {
      if (step.kind === "schedule") {
        schedule(next.time + step.delay, step.priorityClass);
      } else if (step.kind === "lane") {
        const lane = LANES[step.lane] as { priorityClass: number; delay: number };
        schedule(next.time + lane.delay, lane.priorityClass);
      } else if (step.kind === "ordered") {
        schedule(next.time + step.delay, ORDERED_LANES[step.lane] as number);
      } else {
        const target = step.pick % scheduled;
        cancels.push(model.some((event) => event.label === target));
        model = model.filter((event) => event.label !== target);
      }
    }
  }
  return { fired, cancels };
}

describe("Engine's delay lanes against a reference model", () => {
  it("fire, cancel and count exactly as the model, with ordered lanes, heap and now-lane events", () => {
    assertProperty(
      fc.property(
        fc.array(fc.array(action, { maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ advance: fc.integer({ min: 0, max: 4 }), budget: fc.nat(12) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (scripts, startClasses, slices) => {
          const engine = new Engine();
          const fired: Array<{ label: number; time: number }> = [];
          const cancelResults: boolean[] = [];
          const ids: number[] = [];
          const live = new Map<number, number>(); // label → time, as the engine should hold them
          const handlers: number[] = [];
          const script = (label: number) => scripts[label % scripts.length] as Action[];
          for (let priorityClass = 0; priorityClass < 4; priorityClass++) {
            handlers.push(
              engine.registerHandler(
                `class${priorityClass}`,
                (label) => {
                  fired.push({ label, time: engine.now });
                  live.delete(label);
                  if (ids.length >= MAX_EVENTS) return;
                  for (const step of script(label)) {
                    if (step.kind === "schedule") {
                      const time = engine.now + step.delay;
                      ids.push(
                        engine.schedule(time, handlers[step.priorityClass] as number, ids.length),
                      );
                      live.set(ids.length - 1, time);
                    } else if (step.kind === "lane") {
                      const time = engine.now + (LANES[step.lane]?.delay as number);
                      ids.push(engine.scheduleInLane(lanes[step.lane] as number, ids.length));
                      live.set(ids.length - 1, time);
                    } else if (step.kind === "ordered") {
                      const time = engine.now + step.delay;
                      ids.push(
                        engine.scheduleInOrder(ordered[step.lane] as number, time, ids.length),
                      );
                      live.set(ids.length - 1, time);
                    } else {
                      const target = step.pick % ids.length;
                      cancelResults.push(engine.cancel(ids[target] as number));
                      live.delete(target);
                    }
                  }
                },
                priorityClass,
              ),
            );
          }
          const lanes = LANES.map(({ priorityClass, delay }) =>
            engine.delayLane(handlers[priorityClass] as number, delay),
          );
          const ordered = ORDERED_LANES.map((priorityClass) =>
            engine.orderedLane(handlers[priorityClass] as number),
          );
          for (const priorityClass of startClasses) {
            ids.push(engine.schedule(0, handlers[priorityClass] as number, ids.length));
            live.set(ids.length - 1, 0);
          }
          let until = 0;
          for (const { advance, budget } of slices) {
            until += advance;
            engine.runWithin(until, budget);
            expect(engine.now).toBeLessThanOrEqual(until);
            expect(engine.pendingCount).toBe(live.size);
            for (const [label, time] of live) {
              expect(engine.isPending(ids[label] as number)).toBe(true);
              expect(engine.timeOf(ids[label] as number)).toBe(time);
            }
          }
          engine.run();
          expect(engine.pendingCount).toBe(0);

          const model = modelRun(scripts, startClasses);
          expect(fired).toEqual(model.fired);
          expect(cancelResults).toEqual(model.cancels);
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it("keeps its order through a ring grown and compacted around many cancelled entries", () => {
    // Per tick: 40 lane timers, all but every seventh cancelled, so a lane fills with dead
    // entries among live ones and must compact or grow; the live ones fire in order.
    const engine = new Engine();
    const fired: number[] = [];
    const expire = engine.registerHandler("expire", (label) => fired.push(label), 1);
    const lane = engine.delayLane(expire, 30);
    let label = 0;
    const expected: number[] = [];
    const tick = engine.registerHandler("tick", (round) => {
      const ids: number[] = [];
      for (let index = 0; index < 40; index++) ids.push(engine.scheduleInLane(lane, label++));
      ids.forEach((id, index) => {
        if (index % 7 !== 0) expect(engine.cancel(id)).toBe(true);
        else expected.push(label - 40 + index);
      });
      if (round < 50) engine.scheduleAfter(1, tick, round + 1);
    });
    engine.schedule(0, tick, 0);
    engine.run();
    expect(fired).toEqual(expected);
    expect(engine.pendingCount).toBe(0);
  });

  it("keeps an ordered lane's events in order among heap events at the same times", () => {
    // Arrivals in an ordered lane, some at one instant, others at the times of heap events of
    // the same class scheduled before and after them: all fire by (time, sequence).
    const engine = new Engine();
    const fired: string[] = [];
    const arrive = engine.registerHandler("arrive", (n) => fired.push(`lane${n}`), 2);
    const other = engine.registerHandler("other", (n) => fired.push(`heap${n}`), 2);
    const lane = engine.orderedLane(arrive);
    engine.schedule(1, other, 0);
    engine.scheduleInOrder(lane, 1, 1);
    engine.scheduleInOrder(lane, 1, 2);
    engine.schedule(1, other, 3);
    engine.scheduleInOrder(lane, 2, 4);
    engine.schedule(0.5, other, 5);
    // Out of order for the lane: the heap takes it.
    engine.scheduleInOrder(lane, 1.5, 6);
    engine.run();
    expect(fired).toEqual(["heap5", "heap0", "lane1", "lane2", "heap3", "lane6", "lane4"]);
  });

  it("refuses to schedule in an ordered lane in the past, as schedule does", () => {
    const engine = new Engine();
    const handler = engine.registerHandler("h", () => {});
    const lane = engine.orderedLane(handler);
    engine.schedule(5, handler, 0);
    engine.run();
    expect(() => engine.scheduleInOrder(lane, 4, 0)).toThrow(
      /in the past: 4 < now 5 \(handler h\)/,
    );
    expect(() => engine.scheduleInOrder(lane, Number.NaN, 0)).toThrow(/at NaN/);
    expect(() => engine.orderedLane(handler + 1)).toThrow(/unknown handler/);
  });

  it("refuses a delay that is not > 0, and an unknown handler", () => {
    const engine = new Engine();
    const handler = engine.registerHandler("h", () => {});
    expect(() => engine.delayLane(handler, 0)).toThrow(/delay > 0/);
    expect(() => engine.delayLane(handler, Number.NaN)).toThrow(/delay > 0/);
    expect(() => engine.delayLane(handler + 1, 5)).toThrow(/unknown handler/);
    expect(engine.delayLane(handler, 5)).toBe(engine.delayLane(handler, 5));
  });
});
