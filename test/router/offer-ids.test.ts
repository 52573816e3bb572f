/** Offer ids are parsed in place; the result must be exactly what `Number` of the tail gives. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDigits } from "../../src/router/core.ts";
import { assertProperty } from "../support/property.ts";

describe("parseDigits", () => {
  it("agrees with Number on digit strings, including leading zeros and long ones", () => {
    assertProperty(
      fc.property(fc.stringMatching(/^[0-9]{0,20}$/), (digits) => {
        expect(parseDigits(`offer-${digits}`, 6)).toBe(Number(digits));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it("agrees with Number on any tail (signs, spaces, hex, exponents, garbage)", () => {
    const tails = fc.oneof(
      fc.string(),
      fc.constantFrom(" 12", "12 ", "+5", "-5", "0x10", "1e3", "1.5", "", "Infinity", "٣"),
    );
    assertProperty(
      fc.property(tails, (tail) => {
        expect(parseDigits(`offer-${tail}`, 6)).toBe(Number(tail));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
