import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { assertProperty } from "../support/property.ts";
import { compareFiringOrder, type ModelEvent } from "./reference-order.ts";

/**
 * The engine against a reference model: a plain array of pending events, fired by a stable sort
 * on (time, priority class, insertion). Operations: schedule, cancel (of any id ever issued, so
 * stale ids are exercised), and run until a time.
 */
type Operation =
  | { kind: "schedule"; delay: number; priorityClass: number }
  | { kind: "cancel"; pick: number }
  | { kind: "run"; advance: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("schedule" as const),
      delay: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
      ),
      priorityClass: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("run" as const),
      advance: fc.integer({ min: 0, max: 10 }),
    }),
    weight: 2,
  },
);

describe("Engine against a reference model", () => {
  it("fires exactly the model's events, in the model's order, never going back in time", () => {
    assertProperty(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const engine = new Engine();
        const fired: Array<{ label: number; time: number }> = [];
        const handlers = [0, 1, 2, 3].map((priorityClass) =>
          engine.registerHandler(
            `class${priorityClass}`,
            (label) => fired.push({ label, time: engine.now }),
            priorityClass,
          ),
        );
        let model: ModelEvent[] = [];
        const modelFired: Array<{ label: number; time: number }> = [];
        const ids: Array<{ id: number; label: number }> = [];
        let sequence = 0;
        let modelNow = 0;
        const runModelUntil = (until: number) => {
          const due = model.filter((event) => event.time <= until);
          due.sort(compareFiringOrder);
          for (const event of due) modelFired.push({ label: event.label, time: event.time });
          model = model.filter((event) => event.time > until);
          modelNow = until;
        };
        for (const op of operations) {
          if (op.kind === "schedule") {
            const label = sequence;
            const time = modelNow + op.delay;
            const id = engine.schedule(time, handlers[op.priorityClass] as number, label);
            ids.push({ id, label });
            model.push({ time, priorityClass: op.priorityClass, sequence: sequence++, label });
          } else if (op.kind === "cancel" && ids.length > 0) {
            const target = ids[op.pick % ids.length] as { id: number; label: number };
            const wasPending = model.some((event) => event.label === target.label);
            expect(engine.cancel(target.id)).toBe(wasPending);
            model = model.filter((event) => event.label !== target.label);
          } else if (op.kind === "run") {
            engine.runUntil(modelNow + op.advance);
            runModelUntil(modelNow + op.advance);
          }
          expect(engine.pendingCount).toBe(model.length);
        }
        engine.run();
        runModelUntil(Number.POSITIVE_INFINITY);
        expect(fired).toEqual(modelFired);
        for (let i = 1; i < fired.length; i++) {
          expect((fired[i] as { time: number }).time).toBeGreaterThanOrEqual(
            (fired[i - 1] as { time: number }).time,
          );
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("ties at one time come out FIFO within a class", () => {
    assertProperty(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 100 }),
        (times) => {
          const engine = new Engine();
          const fired: number[] = [];
          const handler = engine.registerHandler("t", (label) => fired.push(label));
          for (const [label, time] of times.entries()) engine.schedule(time, handler, label);
          engine.run();
          const expected = times
            .map((time, label) => ({ time, label }))
            .sort((a, b) => a.time - b.time || a.label - b.label)
            .map((event) => event.label);
          expect(fired).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
