/**
 * Where the fonts of the charts and the report are: Arimo's TTFs (for PNGs through resvg) and its
 * latin WOFF2 files (embedded in report.html), resolved in the installed font packages, so they
 * are found wherever npm placed them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ReportFonts } from "../../report/html/index.ts";

const require = createRequire(import.meta.url);

/** Arimo Regular and Bold as TTF files, for resvg. */
export function arimoTtfPaths(): string[] {
  return [
    require.resolve("@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf"),
    require.resolve("@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf"),
  ];
}

/** Arimo's latin subset, regular and bold, as WOFF2 bytes (about 11 kB each). */
export function arimoWoff2Fonts(): ReportFonts {
  const read = (file: string) =>
    new Uint8Array(readFileSync(require.resolve(`@fontsource/arimo/files/${file}`)));
  return {
    regular: read("arimo-latin-400-normal.woff2"),
    bold: read("arimo-latin-700-normal.woff2"),
  };
}
