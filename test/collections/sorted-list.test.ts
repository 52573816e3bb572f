/**
 * SortedList against a sorted-array model, with lists long enough that inserts and removals
 * take both paths (the short in-place move and splice beyond 32 items).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedList } from "../../src/collections/sorted-list.ts";
import { removeItem } from "../../src/router/core.ts";
import { assertProperty } from "../support/property.ts";

describe("SortedList", () => {
  it("matches a sorted array under random inserts and removals", () => {
    const step = fc.record({ insert: fc.boolean(), value: fc.integer({ min: 0, max: 150 }) });
    assertProperty(
      fc.property(fc.array(step, { maxLength: 600 }), (steps) => {
        const list = new SortedList<number>((left, right) => left - right);
        const model: number[] = [];
        for (const { insert, value } of steps) {
          const present = model.includes(value);
          if (insert && !present) {
            list.insert(value);
            model.push(value);
            model.sort((left, right) => left - right);
          } else if (!insert) {
            expect(list.remove(value)).toBe(present);
            if (present) model.splice(model.indexOf(value), 1);
          }
          expect(list.items).toEqual(model);
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe("removeItem", () => {
  it("removes the item from distinct items, keeping the order of the rest", () => {
    assertProperty(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.nat(50),
        (items, item) => {
          const expected = [...items];
          const position = expected.indexOf(item);
          if (position >= 0) expected.splice(position, 1);
          const actual = [...items];
          removeItem(actual, item);
          expect(actual).toEqual(expected);
        },
      ),
      { seed: 6, numRuns: 500 },
    );
  });
});
