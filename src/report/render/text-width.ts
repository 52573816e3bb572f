/**
 * Text widths for vega's layout without a canvas. Vega would guess 0.8 em per character, so
 * axis labels overlap (and get dropped) and legends are cut; here every string is measured with
 * the advance widths of Arimo, the font the report embeds (metric-compatible with Arial and
 * Liberation Sans), regular or bold. Kerning is ignored (the sum of advances is at most a few
 * per cent off); a code point outside the table counts {@link FALLBACK_ADVANCE_EM} em.
 */
import { ARIMO_BOLD_ADVANCES, ARIMO_REGULAR_ADVANCES, ARIMO_UNITS_PER_EM } from "./arimo-widths.ts";

/** Width of a code point the table does not cover, in em: wide enough for a CJK character, so
 * that an unknown label is never drawn past its space. */
export const FALLBACK_ADVANCE_EM = 1;

/** Vega's default font size in pixels when a text item sets none. */
const VEGA_DEFAULT_FONT_SIZE_PX = 11;

/** The width in pixels of `text` set in Arimo at `fontSizePx`, regular or bold. */
export function arimoTextWidth(text: string, fontSizePx: number, bold: boolean): number {
  const advances = bold ? ARIMO_BOLD_ADVANCES : ARIMO_REGULAR_ADVANCES;
  const fallbackUnits = FALLBACK_ADVANCE_EM * ARIMO_UNITS_PER_EM;
  let units = 0;
  for (const character of text) {
    units += advances[character.codePointAt(0) ?? 0] ?? fallbackUnits;
  }
  return (units / ARIMO_UNITS_PER_EM) * fontSizePx;
}

/** Whether a vega font weight (`bold`, `bolder`, `600`, 700…) draws with the bold face. */
export function isBoldWeight(fontWeight: unknown): boolean {
  if (fontWeight === "bold" || fontWeight === "bolder") return true;
  const numeric = Number(fontWeight);
  return Number.isFinite(numeric) && numeric >= 600;
}

/** The text item fields vega passes to a width function. */
export interface VegaTextItem {
  readonly fontSize?: number | string | null;
  readonly fontWeight?: string | number | null;
}

/**
 * The `textMetrics.width` vega calls for layout and for truncation (`limit`). It measures the
 * string it is given as is: vega's own truncation calls it on ever shorter prefixes.
 */
export function vegaTextWidth(item: VegaTextItem, text: unknown): number {
  const fontSizePx = item.fontSize == null ? VEGA_DEFAULT_FONT_SIZE_PX : Number(item.fontSize) || 0;
  const line = text == null ? "" : String(text).trim();
  if (fontSizePx <= 0 || line === "") return 0;
  return arimoTextWidth(line, fontSizePx, isBoldWeight(item.fontWeight));
}
