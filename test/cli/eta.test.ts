/**
 * The progress bar's time left: always a time (`12s`, `3m05s`, `2h07m`), never cli-progress's
 * "NULL"/"INF", whatever the elapsed time and the fraction done.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "../../src/cli/run/eta.ts";
import { assertProperty } from "../support/property.ts";

describe("formatTimeLeft", () => {
  it.each([
    [10_000, 0.5, "10s"],
    [1_000, 1, "0s"],
    [60_000, 0.5, "1m00s"],
    [65_000, 0.5, "1m05s"],
    [3_600_000, 0.5, "1h00m"],
    [7_620_000, 0.5, "2h07m"],
    [1_500, 0.0001, "4h09m"],
    [1_000, 1e-300, "99999h00m"],
  ])("%i ms for a fraction of %d: %s", (elapsed, fraction, text) => {
    expect(formatTimeLeft(elapsed, fraction)).toBe(text);
  });

  it("is a time for any elapsed time and fraction, even none done or NaN", () => {
    assertProperty(
      fc.property(
        fc.double({ min: -1e12, max: 1e12 }),
        fc.oneof(fc.double({ min: 0, max: 1 }), fc.constant(Number.NaN), fc.constant(-1)),
        (elapsed, fraction) => {
          expect(formatTimeLeft(elapsed, fraction)).toMatch(/^(\d+h\d\dm|(\d+m)?\d+s)$/);
        },
      ),
    );
  });
});
