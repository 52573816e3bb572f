/**
 * Where the charts' renderSvg comes from. From the sources (tsx, vitest, tsc's files in dist/),
 * render-svg.ts itself. In the bundled CLI, a script of its own (render-svg.ts with vega and
 * vega-lite, made by scripts/bundle-cli.mjs) compiled with the V8 code cache that the build
 * made while drawing the quickstart's charts: V8 then reads back vega's compiled functions
 * instead of compiling them again at every run (about a sixth of the drawing's CPU).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** Set by the bundler in the bundled CLI: the drawing script's path relative to the bundle. */
declare const CCSIM_BUNDLED_DRAWING: string | undefined;

/** What drawing charts takes from render-svg.ts. */
export type SvgRenderer = Pick<
  typeof import("../../report/render/render-svg.ts"),
  "renderSvg" | "withChartFont"
>;

/** The code cache's file name: the drawing script's, plus this. */
export const CODE_CACHE_SUFFIX = ".code-cache";

/** The drawing script, once loaded: a command that draws several times loads it once. */
let bundledRenderer: SvgRenderer | undefined;

/** render-svg.ts's functions: the bundled drawing script when there is one, else the module. */
export async function loadSvgRenderer(): Promise<SvgRenderer> {
  if (typeof CCSIM_BUNDLED_DRAWING === "string") {
    bundledRenderer ??= loadDrawingScript(
      fileURLToPath(new URL(CCSIM_BUNDLED_DRAWING, import.meta.url)),
    );
    return bundledRenderer;
  }
  return import("../../report/render/render-svg.ts");
}

/**
 * Runs the drawing script at `path` (a CommonJS function expression: exports, require, module)
 * with its code cache when there is one. A cache V8 refuses (another Node version or other V8
 * flags) is ignored: the script compiles as it would without one, to the same functions.
 */
export function loadDrawingScript(path: string): SvgRenderer {
  const cachePath = `${path}${CODE_CACHE_SUFFIX}`;
  const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  const script = new Script(readFileSync(path, "utf8"), {
    filename: path,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as SvgRenderer };
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
  ) => void;
  wrapper(module.exports, createRequire(path), module);
  return module.exports;
}
