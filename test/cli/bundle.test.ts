/**
 * The bundled CLI (scripts/bundle-cli.mjs, built by the test setup): a command starts from a
 * handful of files, its dependencies inside them, and loads only lazily what not every command
 * needs: the drawing code (vega and vega-lite, bundled into a script of their own that only
 * drawing loads, with its code cache; resvg) and piscina (worker threads). A static import of
 * one of them would put its loading into every start.
 */
import { existsSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** The specifiers of a bundle file's static imports (esbuild puts them first, one per statement). */
function staticImportsOf(code: string): string[] {
  const statement = /^import\s*(?:[\w$*\s{},]*?\bfrom\s*)?"([^"\n]+)";/gm;
  return [...code.matchAll(statement)].map((match) => match[1] ?? "");
}

/** The specifiers of a bundle file's lazy imports (`import("…")`). */
function lazyImportsOf(code: string): string[] {
  return [...code.matchAll(/\bimport\("([^"\n]+)"\)/g)].map((match) => match[1] ?? "");
}

/** The files reachable from `entry` (statically, or lazily too) and the packages they import. */
function graphOf(entry: string, lazily = false): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(ROOT, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, "utf8");
    for (const specifier of [...staticImportsOf(code), ...(lazily ? lazyImportsOf(code) : [])]) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files: [...files].map((file) => relative(ROOT, file)), packages: [...packages] };
}

describe("the bundled CLI", () => {
  it("starts a command from a few files and Node's own modules only", () => {
    const { files, packages } = graphOf("dist/cli/main.js");
    expect(files.length).toBeLessThan(20);
    expect(files.filter((file) => !file.startsWith("dist/cli/"))).toEqual([]);
    expect(packages.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it("boots a worker thread from a few files and Node's own modules only", () => {
    const { files, packages } = graphOf("dist/cli/run/replication-worker.js");
    expect(files.length).toBeLessThan(10);
    expect(packages.filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it("loads piscina and the drawing code (vega, vega-lite, resvg) lazily only", () => {
    const { files } = graphOf("dist/cli/main.js");
    const loaded = files.map((file) => readFileSync(resolve(ROOT, file), "utf8")).join("\n");
    expect(loaded.includes("node_modules/vega")).toBe(false);
    const lazily = graphOf("dist/cli/main.js", true);
    expect(lazily.packages).toEqual(expect.arrayContaining(["piscina", "@resvg/resvg-js"]));
    const reachable = lazily.files.map((file) => readFileSync(resolve(ROOT, file), "utf8"));
    expect(reachable.join("\n")).not.toContain("node_modules/vega");
    expect(reachable.join("\n")).toContain('"./charts-drawing.cjs"');
  });

  it("draws with a script of its own holding vega and vega-lite, and its code cache", () => {
    const drawing = readFileSync(resolve(ROOT, "dist/cli/charts-drawing.cjs"), "utf8");
    expect(drawing).toContain("node_modules/vega-lite/");
    expect(drawing).toContain("node_modules/vega-scenegraph/");
    expect(existsSync(resolve(ROOT, "dist/cli/charts-drawing.cjs.code-cache"))).toBe(true);
  });

  it("has a code cache that this Node accepts for the drawing script", () => {
    const path = resolve(ROOT, "dist/cli/charts-drawing.cjs");
    const script = new Script(readFileSync(path, "utf8"), {
      filename: path,
      cachedData: readFileSync(`${path}.code-cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
  });
});
