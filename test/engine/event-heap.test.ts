import { describe, expect, it } from "vitest";
import { EventHeap } from "../../src/engine/event-heap.ts";

/** A 32-bit linear congruential generator: a reproducible stream for large random heaps. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Pending {
  readonly time: number;
  readonly priorityClass: number;
  readonly sequence: number;
  readonly id: number;
}

describe("EventHeap (4-ary) with thousands of pending events", () => {
  it("pops in (time, class, insertion) order under interleaved pushes, cancels and pops", () => {
    const random = lcg(12);
    const heap = new EventHeap();
    const pending = new Map<number, Pending>();
    const popped: number[] = [];
    const expected: number[] = [];
    let sequence = 0;
    let now = 0;
    // Grow to about 12,000 pending (depth 7 in a 4-ary heap), then drain while pushing.
    for (let step = 0; step < 60_000; step++) {
      const roll = random();
      if (roll < (step < 30_000 ? 0.7 : 0.3)) {
        // Coarse times, so that ties between times and classes are frequent.
        const time = now + Math.floor(random() * 50) / 2;
        const priorityClass = Math.floor(random() * 3);
        const id = heap.push(time, priorityClass, priorityClass, sequence);
        pending.set(id, { time, priorityClass, sequence, id });
        sequence++;
      } else if (roll < 0.85 && pending.size > 0) {
        // Cancel a pending event picked among the recent ones (any position in the heap).
        const ids = [...pending.keys()];
        const id = ids[
          Math.floor(random() * Math.min(ids.length, 64)) + Math.max(0, ids.length - 64)
        ] as number;
        expect(heap.remove(id)).toBe(true);
        expect(heap.remove(id)).toBe(false);
        pending.delete(id);
      } else if (heap.size > 0) {
        const least = [...pending.values()].reduce((best, event) =>
          event.time < best.time ||
          (event.time === best.time &&
            (event.priorityClass < best.priorityClass ||
              (event.priorityClass === best.priorityClass && event.sequence < best.sequence)))
            ? event
            : best,
        );
        expected.push(least.sequence);
        expect(heap.peekTime()).toBe(least.time);
        popped.push(heap.peekArgument());
        heap.pop();
        pending.delete(least.id);
        now = least.time;
      }
      expect(heap.size).toBe(pending.size);
    }
    expect(popped).toEqual(expected);
  }, 120_000);
});
