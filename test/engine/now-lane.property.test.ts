import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { assertProperty } from "../support/property.ts";
import { firstToFire, type ModelEvent } from "./reference-order.ts";

/**
 * Events due now (zero delay) wait in the engine's "now" lane instead of its heap: the engine,
 * with handlers that schedule zero-delay and later events of every class and cancel pending
 * ones while they run, against a reference model (a plain list fired by the least (time,
 * class, sequence)), in runs sliced by time and by event budgets.
 */
type Action =
  | { kind: "schedule"; delay: number; priorityClass: number }
  | { kind: "cancel"; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("schedule" as const),
      delay: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 3 })),
      priorityClass: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }), weight: 2 },
);

/** Handlers stop scheduling once this many events were scheduled, so that every run ends. */
const MAX_EVENTS = 400;

describe("Engine's now lane against a reference model", () => {
  it("fires, cancels and counts exactly as the model, whatever the slicing", () => {
    assertProperty(
      fc.property(
        fc.array(fc.array(action, { maxLength: 4 }), { minLength: 1, maxLength: 12 }),
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
          const scheduleAt = (time: number, priorityClass: number) => {
            ids.push(engine.schedule(time, handlers[priorityClass] as number, ids.length));
            live.set(ids.length - 1, time);
          };
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
                      scheduleAt(engine.now + step.delay, step.priorityClass);
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
          for (const priorityClass of startClasses) scheduleAt(0, priorityClass);
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

          // The model: a plain list, fired by the least (time, class, sequence), same scripts.
          let model: ModelEvent[] = [];
          let scheduled = 0;
          const modelFired: Array<{ label: number; time: number }> = [];
          const modelCancels: boolean[] = [];
          const modelSchedule = (time: number, priorityClass: number) => {
            model.push({ time, priorityClass, sequence: scheduled, label: scheduled });
            scheduled++;
          };
          for (const priorityClass of startClasses) modelSchedule(0, priorityClass);
          while (model.length > 0) {
            const next = firstToFire(model);
            model = model.filter((event) => event !== next);
            modelFired.push({ label: next.label, time: next.time });
            if (scheduled >= MAX_EVENTS) continue;
            for (const step of script(next.label)) {
              if (step.kind === "schedule") {
                modelSchedule(next.time + step.delay, step.priorityClass);
              } else {
                const target = step.pick % scheduled;
                modelCancels.push(model.some((event) => event.label === target));
                model = model.filter((event) => event.label !== target);
              }
            }
          }
          expect(fired).toEqual(modelFired);
          expect(cancelResults).toEqual(modelCancels);
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
