import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/report/format-number.ts";
import { toJsonText } from "../../src/report/json-text.ts";
import { assertProperty } from "../support/property.ts";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [2, "2"],
    [-3.25, "-3.25"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333"],
    [2 / 3, "0.666667"],
    [7.8359375, "7.835938"],
    [1234567.891, "1234567.891"],
    [1e-7, "0"],
    [-1e-9, "0"],
    [0.0000015, "0.000002"],
    [123456789012, "123456789012"],
    [1e21, "1000000000000000000000"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("formats %s as %j", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("takes a smaller number of decimals for display", () => {
    expect(formatNumber(0.81234, 3)).toBe("0.812");
    expect(formatNumber(-0.0004, 3)).toBe("0");
  });

  it("never prints an exponent and stays within half a unit of the last decimal", () => {
    assertProperty(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
        const text = formatNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d{1,6})?$/);
        expect(text.endsWith(".")).toBe(false);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(5e-7 + Math.abs(value) * 1e-15);
      }),
    );
  });
});

describe("toJsonText", () => {
  it("lays out nested data with flat members on one line", () => {
    const text = toJsonText({
      name: 'a"b',
      list: [1, 0.5],
      nested: { x: { y: Number.NaN } },
      empty: [],
    });
    expect(text).toBe(
      [
        "{",
        '  "name": "a\\"b",',
        '  "list": [1, 0.5],',
        '  "nested": {',
        '    "x": { "y": null }',
        "  },",
        '  "empty": []',
        "}",
      ].join("\n"),
    );
    expect(JSON.parse(text)).toEqual({
      name: 'a"b',
      list: [1, 0.5],
      nested: { x: { y: null } },
      empty: [],
    });
  });
});
