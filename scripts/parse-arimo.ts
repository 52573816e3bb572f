/**
 * Parses the Arimo TTFs of @expo-google-fonts/arimo with opentype.js into advance-width tables
 * (kerning is ignored: vega asks for the width of whole strings and we add up advances).
 * Used by scripts/font-metrics.ts and by the test that checks the committed table.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype from "opentype.js";
import { type WeightTable, weightTableOf } from "../src/report/render/font-metrics-table.ts";

const require = createRequire(import.meta.url);

/** The TTF paths of Arimo Regular and Bold in the installed font package. */
export const ARIMO_TTF_MODULES = {
  regular: "@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf",
  bold: "@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf",
} as const;

function tableOf(modulePath: string): WeightTable {
  const bytes = readFileSync(require.resolve(modulePath));
  const font = opentype.parse(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  );
  return weightTableOf({
    unitsPerEm: font.unitsPerEm,
    advanceOf: (codePoint) => {
      const glyph = font.charToGlyph(String.fromCodePoint(codePoint));
      // Glyph 0 is .notdef: the font has no drawing for this code point.
      return glyph.index === 0 ? undefined : glyph.advanceWidth;
    },
  });
}

/** Both weights' tables, parsed from the installed TTFs. */
export function parseArimoWeights(): { regular: WeightTable; bold: WeightTable } {
  return { regular: tableOf(ARIMO_TTF_MODULES.regular), bold: tableOf(ARIMO_TTF_MODULES.bold) };
}
