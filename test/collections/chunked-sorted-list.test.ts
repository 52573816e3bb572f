/**
 * ChunkedSortedList (the queue lists) against a sorted-array model, with lists long enough to
 * split, merge and drop chunks; and its work per operation counted (never timed): bounded by
 * a chunk, whatever the length, where a flat array moves half the list per removal.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkedSortedList } from "../../src/collections/chunked-sorted-list.ts";
import { assertProperty } from "../support/property.ts";

/** Every operation's effect checked against a model; items are distinct integers. */
function checkAgainstModel(steps: readonly { op: number; value: number }[]): void {
  const list = new ChunkedSortedList<number>((left, right) => left - right);
  const model: number[] = [];
  for (const { op, value } of steps) {
    const at = model.indexOf(value);
    if (op < 6) {
      if (at >= 0) continue;
      list.insert(value);
      const after = model.findIndex((item) => item > value);
      model.splice(after < 0 ? model.length : after, 0, value);
    } else if (op < 9) {
      // Head removal, a queue's usual dequeue, or a removal anywhere.
      const target = op === 6 && model.length > 0 ? (model[0] as number) : value;
      const present = model.indexOf(target);
      expect(list.remove(target)).toBe(present >= 0);
      if (present >= 0) model.splice(present, 1);
    } else {
      expect(list.positionOf(value)).toBe(at);
    }
    expect(list.length).toBe(model.length);
  }
  expect(list.toArray()).toEqual(model);
  expect(list.first()).toBe(model[0]);
  expect(list.isSorted()).toBe(true);
}

describe("ChunkedSortedList", () => {
  it("orders exactly like a sorted array under inserts, removals and position queries", () => {
    const step = fc.record({
      op: fc.integer({ min: 0, max: 9 }),
      value: fc.integer({ min: 0, max: 3000 }),
    });
    assertProperty(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => checkAgainstModel(steps)),
      { seed: 1201, numRuns: 200 },
    );
  });

  it("keeps the order through chunk splits, merges and drops on long lists", () => {
    // Mostly inserts then mostly removals, so lists of a few thousand items split and shrink.
    const grow = fc.array(
      fc.record({ op: fc.integer({ min: 0, max: 6 }), value: fc.integer({ min: 0, max: 20_000 }) }),
      { minLength: 2000, maxLength: 4000 },
    );
    const shrink = fc.array(
      fc.record({ op: fc.integer({ min: 5, max: 9 }), value: fc.integer({ min: 0, max: 20_000 }) }),
      { minLength: 2000, maxLength: 4000 },
    );
    assertProperty(
      fc.property(grow, shrink, (up, down) => checkAgainstModel([...up, ...down])),
      { seed: 1202, numRuns: 15 },
    );
  });

  it("moves a bounded number of items per operation at any length (FIFO and abandonment)", () => {
    for (const length of [20_000, 200_000]) {
      let comparisons = 0;
      const list = new ChunkedSortedList<number>((left, right) => {
        comparisons++;
        return left - right;
      });
      for (let item = 0; item < length; item++) list.insert(2 * item);
      // Abandonment from anywhere (a stride through the list), re-queues into the middle,
      // and dequeues from the head.
      const operations = 6000;
      const movedBefore = list.movedItems;
      comparisons = 0;
      let removed = 0;
      for (let i = 0; i < operations / 3; i++) {
        if (list.remove(2 * ((i * 7919) % length))) removed++;
        list.insert(2 * ((i * 104_729) % length) + 1);
        if (list.remove(list.first() as number)) removed++;
      }
      expect(list.length).toBe(length + operations / 3 - removed);
      const movedPerOperation = (list.movedItems - movedBefore) / operations;
      // A flat array would move about length / 2 items per middle removal.
      expect(movedPerOperation).toBeLessThan(600);
      expect(comparisons / operations).toBeLessThan(4 * Math.log2(length));
      expect(list.isSorted()).toBe(true);
    }
  });
  it("takes the head (a dequeue) moving only a short chunk, however long the list", () => {
    const list = new ChunkedSortedList<number>((left, right) => left - right);
    const length = 20_000;
    for (let item = 0; item < length; item++) list.insert(item);
    const movedBefore = list.movedItems;
    // A queue's usual traffic: one arrival at the tail, one dequeue at the head.
    const operations = 10_000;
    for (let i = 0; i < operations; i++) {
      list.insert(length + i);
      expect(list.remove(list.first() as number)).toBe(true);
    }
    expect(list.first()).toBe(operations);
    expect(list.length).toBe(length);
    // Shifting 512-item chunks moved about 256 items per dequeue; 64-item heads move about 32,
    // plus a split every 64 dequeues.
    expect((list.movedItems - movedBefore) / operations).toBeLessThan(64);
    expect(list.isSorted()).toBe(true);
  });
});
