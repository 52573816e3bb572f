/**
 * The committed advance-width table (arimo-widths.ts) is what the installed Arimo TTFs say:
 * regenerated in memory with opentype.js and compared entry by entry. When the font package
 * changes, `npm run font-metrics` rewrites the table.
 */
import { describe, expect, it } from "vitest";
import { parseArimoWeights } from "../../../scripts/parse-arimo.ts";
import {
  ARIMO_BOLD_ADVANCES,
  ARIMO_REGULAR_ADVANCES,
  ARIMO_UNITS_PER_EM,
} from "../../../src/report/render/arimo-widths.ts";
import { MEASURED_CODE_POINT_RANGES } from "../../../src/report/render/font-metrics-table.ts";
import {
  arimoTextWidth,
  FALLBACK_ADVANCE_EM,
  isBoldWeight,
  vegaTextWidth,
} from "../../../src/report/render/text-width.ts";

describe("Arimo advance widths", () => {
  const fonts = parseArimoWeights();

  it("the committed table equals the one regenerated from the TTFs (run npm run font-metrics)", () => {
    expect(ARIMO_UNITS_PER_EM).toBe(fonts.regular.unitsPerEm);
    expect({ ...ARIMO_REGULAR_ADVANCES }).toEqual(fonts.regular.advances);
    expect({ ...ARIMO_BOLD_ADVANCES }).toEqual(fonts.bold.advances);
  });

  it("covers the characters chart text uses, in both weights", () => {
    const needed = "AZaz09 %.,:;()–—…±×≥≤°−€";
    for (const character of needed) {
      const codePoint = character.codePointAt(0) ?? 0;
      expect(MEASURED_CODE_POINT_RANGES.some(([a, b]) => a <= codePoint && codePoint <= b)).toBe(
        true,
      );
      expect(ARIMO_REGULAR_ADVANCES[codePoint], character).toBeGreaterThan(0);
      expect(ARIMO_BOLD_ADVANCES[codePoint], character).toBeGreaterThan(0);
    }
  });
});

describe("text widths", () => {
  const em = (codePoint: number) =>
    (ARIMO_REGULAR_ADVANCES[codePoint] ?? Number.NaN) / ARIMO_UNITS_PER_EM;

  it("adds up advances and scales with the font size (kerning ignored)", () => {
    const expected = (em(0x41) + em(0x56)) * 12; // "AV", a kerning pair: no kerning applied
    expect(arimoTextWidth("AV", 12, false)).toBeCloseTo(expected, 9);
    expect(arimoTextWidth("AV", 24, false)).toBeCloseTo(2 * expected, 9);
  });

  it("is far from vega's guess of 0.8 em per character for ordinary labels", () => {
    const label = "Answered within 20 s";
    const width = arimoTextWidth(label, 11, false);
    expect(width).toBeLessThan(0.65 * 0.8 * label.length * 11);
  });

  it("measures bold wider than regular, and unknown code points at the stated fallback", () => {
    expect(arimoTextWidth("Service level", 11, true)).toBeGreaterThan(
      arimoTextWidth("Service level", 11, false),
    );
    expect(arimoTextWidth("日本", 10, false)).toBe(2 * FALLBACK_ADVANCE_EM * 10);
  });

  it("reads vega's items: size (default 11), weight, trimmed text, empty or zero size → 0", () => {
    expect(vegaTextWidth({}, " x ")).toBeCloseTo(arimoTextWidth("x", 11, false), 9);
    expect(vegaTextWidth({ fontSize: 14, fontWeight: "bold" }, "x")).toBeCloseTo(
      arimoTextWidth("x", 14, true),
      9,
    );
    expect(vegaTextWidth({ fontSize: 0 }, "x")).toBe(0);
    expect(vegaTextWidth({}, null)).toBe(0);
    expect([
      isBoldWeight("bold"),
      isBoldWeight(600),
      isBoldWeight("700"),
      isBoldWeight("normal"),
      isBoldWeight(400),
    ]).toEqual([true, true, true, false, false]);
  });
});
