/** SequenceTable against a Map model, and its memory under churn. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SequenceTable } from "../../src/collections/sequence-table.ts";
import { assertProperty } from "../support/property.ts";

type Operation = { kind: "set" | "delete" | "get"; key: number; value: number };

const operation = fc.record({
  kind: fc.constantFrom("set", "set", "delete", "get") as fc.Arbitrary<Operation["kind"]>,
  // Keys across a few pages, so pages are dropped, reused and refilled.
  key: fc.integer({ min: 1, max: 1500 }),
  value: fc.integer({ min: 0, max: 1000 }),
});

describe("SequenceTable", () => {
  it("agrees with a Map under sets, deletes and gets in any order", () => {
    assertProperty(
      fc.property(fc.array(operation, { maxLength: 3000 }), (operations) => {
        const table = new SequenceTable<{ value: number }>();
        const model = new Map<number, { value: number }>();
        for (const { kind, key, value } of operations) {
          if (kind === "set") {
            const entry = { value };
            table.set(key, entry);
            model.set(key, entry);
          } else if (kind === "delete") {
            table.delete(key);
            model.delete(key);
          }
          expect(table.get(key)).toBe(model.get(key));
          expect(table.size).toBe(model.size);
        }
        for (const [key, entry] of model) expect(table.get(key)).toBe(entry);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it("finds nothing for numbers that are not sequences", () => {
    const table = new SequenceTable<string>();
    table.set(1, "one");
    table.set(257, "two hundred fifty-seven");
    for (const key of [-1, 0, 1.5, 257.25, Number.NaN, 2 ** 32 + 1, -255]) {
      expect(table.get(key)).toBeUndefined();
    }
    expect(table.get(1)).toBe("one");
  });

  it("holds only the pages of live values: a million sequences through 100 live ones", () => {
    const table = new SequenceTable<number>();
    // One long-lived value pins its page; the others pass through.
    table.set(1, -1);
    for (let sequence = 2; sequence <= 1_000_000; sequence++) {
      table.set(sequence, sequence);
      if (sequence > 101) table.delete(sequence - 100);
    }
    expect(table.size).toBe(101);
    expect(table.get(1)).toBe(-1);
    for (let sequence = 999_901; sequence <= 1_000_000; sequence++) {
      expect(table.get(sequence)).toBe(sequence);
    }
    expect(table.get(500_000)).toBeUndefined();
    expect(table.heldPageCount).toBeLessThanOrEqual(3);
  });

  it("drops emptied pages also when each value is deleted before the next is set", () => {
    const table = new SequenceTable<number>();
    for (let sequence = 1; sequence <= 100_000; sequence++) {
      table.set(sequence, sequence);
      table.delete(sequence);
    }
    expect(table.size).toBe(0);
    expect(table.heldPageCount).toBeLessThanOrEqual(1);
  });
});
