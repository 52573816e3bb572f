/**
 * Where the charts' renderSvg comes from. From the sources (tsx, vitest, tsc's files in dist/),
 * render-svg.ts itself. In the bundled CLI, a script of its own (render-svg.ts with vega and
 * vega-lite, made by scripts/bundle-cli.mjs) compiled with the V8 code cache that the build
 * made while drawing the quickstart's charts (code-cached-script.ts): V8 then reads back vega's
 * compiled functions instead of compiling them again at every run (about a sixth of the
 * drawing's CPU).
 */
import { fileURLToPath } from "node:url";
import { runCodeCachedScript } from "../code-cached-script.ts";

/** Set by the bundler in the bundled CLI: the drawing script's path relative to the bundle. */
declare const CCSIM_BUNDLED_DRAWING: string | undefined;

/** What drawing charts takes from render-svg.ts. */
export type SvgRenderer = Pick<
  typeof import("../../report/render/render-svg.ts"),
  "renderSvg" | "withChartFont"
>;

/** The drawing script, once loaded: a command that draws several times loads it once. */
let bundledRenderer: SvgRenderer | undefined;

/** render-svg.ts's functions: the bundled drawing script when there is one, else the module. */
export async function loadSvgRenderer(): Promise<SvgRenderer> {
  if (typeof CCSIM_BUNDLED_DRAWING === "string") {
    const path = fileURLToPath(new URL(CCSIM_BUNDLED_DRAWING, import.meta.url));
    bundledRenderer ??= runCodeCachedScript(path).exports as SvgRenderer;
    return bundledRenderer;
  }
  return import("../../report/render/render-svg.ts");
}
