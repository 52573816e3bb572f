/**
 * Runs a bundled CommonJS script with its V8 code cache. The bundled CLI's code (the command
 * line, and the charts' drawing with vega) ships as scripts of the form `(function (exports,
 * require, module, __filename, __dirname) { … })`, each with a cache the build made by running
 * the quickstart (scripts/code-caches.mjs): V8 then reads back the functions it compiled then
 * instead of parsing and compiling them again at every start. Node 20 gives ES modules no code
 * cache (module.enableCompileCache is Node 22's), and a script, unlike a module, takes one.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/** A script's code cache file name: the script's, plus this. */
export const CODE_CACHE_SUFFIX = ".code-cache";

/** A script compiled and run: what it exported, and the script, to make its cache from. */
export interface CodeCachedScript {
  readonly exports: unknown;
  readonly script: Script;
}

/**
 * Compiles the script at `path` (with its code cache when there is one) and runs it. A cache V8
 * refuses (another Node version, other V8 flags, another source) is ignored: the script
 * compiles as it would without one, to the same functions.
 */
export function runCodeCachedScript(path: string): CodeCachedScript {
  const cachePath = `${path}${CODE_CACHE_SUFFIX}`;
  const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  const script = new Script(readFileSync(path, "utf8"), {
    filename: path,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    directory: string,
  ) => void;
  wrapper(module.exports, createRequire(path), module, path, dirname(path));
  return { exports: module.exports, script };
}
