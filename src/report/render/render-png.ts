/**
 * An SVG to PNG bytes with resvg, drawn with the fonts the caller names (Arimo's TTFs) and never
 * the system's: the picture is the same on every machine, and matches the widths the layout was
 * measured with. Pure of files of its own: the caller resolves the font paths.
 */
import { renderAsync } from "@resvg/resvg-js";

/** Pixels per SVG pixel: sharp on high-density screens and in slides. */
export const PNG_ZOOM = 2;

/** The PNG bytes of `svg`, at {@link PNG_ZOOM}× on white, set in the fonts of `fontFiles`. */
export async function renderPng(svg: string, fontFiles: readonly string[]): Promise<Uint8Array> {
  // No abort signal: resvg-js 2.6.2's native renderAsync throws on a Node AbortSignal. One PNG
  // takes a tenth of a second; the caller checks for Ctrl-C between charts.
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles],
      defaultFontFamily: "Arimo",
      sansSerifFamily: "Arimo",
    },
    fitTo: { mode: "zoom", value: PNG_ZOOM },
    background: "white",
    logLevel: "off",
  });
  return new Uint8Array(image.asPng());
}
