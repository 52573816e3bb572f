import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapToObjectArray, objectArray } from "../../src/collections/object-array.ts";
import { assertProperty } from "../support/property.ts";

describe("objectArray", () => {
  it("is a new, empty, ordinary array each time", () => {
    const first = objectArray<{ id: number }>();
    const second = objectArray<{ id: number }>();
    expect(first).toEqual([]);
    expect(first).not.toBe(second);
    expect(Array.isArray(first)).toBe(true);
    first.push({ id: 1 }, { id: 2 });
    expect(first.map((item) => item.id)).toEqual([1, 2]);
    expect(second).toEqual([]);
  });
});

describe("mapToObjectArray", () => {
  it("gives what Array.prototype.map gives", () => {
    assertProperty(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (items) => {
        const wrap = (item: unknown) => ({ item });
        expect(mapToObjectArray(items, wrap)).toEqual(items.map(wrap));
      }),
      { numRuns: 100 },
    );
  });
});
