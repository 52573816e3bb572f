/**
 * The bundled CLI (scripts/bundle-cli.mjs, built by the test setup): the entry point is one
 * small module that runs the command-line script, and that script holds the CLI's dependencies
 * but loads lazily what not every command needs: the drawing code (vega and vega-lite, bundled
 * into a script of its own that only drawing loads; resvg) and piscina (worker threads). A
 * static import of one of them would put its loading into every start. Both scripts come with
 * a code cache this Node accepts.
 */
import { existsSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { resolve } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SCRIPTS = ["dist/cli/command-line.cjs", "dist/cli/charts-drawing.cjs"];

/** The specifiers of a bundle file's static imports (esbuild puts them first, one per statement). */
function staticImportsOf(code: string): string[] {
  const statement = /^import\s*(?:[\w$*\s{},]*?\bfrom\s*)?"([^"\n]+)";/gm;
  return [...code.matchAll(statement)].map((match) => match[1] ?? "");
}

/** The specifiers a script requires (`require("…")`), its bundled CommonJS modules' included. */
function requiresOf(code: string): string[] {
  return [...code.matchAll(/\brequire\("([^"\n]+)"\)/g)].map((match) => match[1] ?? "");
}

function read(file: string): string {
  return readFileSync(resolve(ROOT, file), "utf8");
}

describe("the bundled CLI", () => {
  it("starts from one module that imports Node's own modules only", () => {
    const imports = staticImportsOf(read("dist/cli/main.js"));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !isBuiltin(name))).toEqual([]);
    expect(read("dist/cli/main.js")).toContain('"./command-line.cjs"');
  });

  it("runs a command line that requires Node's modules, piscina, resvg and selfsigned only", () => {
    const required = requiresOf(read("dist/cli/command-line.cjs"));
    expect(required.filter((name) => !isBuiltin(name)).sort()).toEqual([
      "@resvg/resvg-js",
      "piscina",
      "selfsigned",
    ]);
  });

  it("boots a worker thread from one module that imports Node's own modules only", () => {
    const imports = staticImportsOf(read("dist/cli/run/replication-worker.js"));
    expect(imports.filter((name) => !isBuiltin(name))).toEqual([]);
    expect(read("dist/cli/run/replication-worker.js")).not.toMatch(/\bimport\("/);
  });

  it("leaves vega and vega-lite to the drawing script", () => {
    const commandLine = read("dist/cli/command-line.cjs");
    expect(commandLine).not.toContain("node_modules/vega");
    expect(commandLine).toContain('"./charts-drawing.cjs"');
    const drawing = read("dist/cli/charts-drawing.cjs");
    expect(drawing).toContain("node_modules/vega-lite/");
    expect(drawing).toContain("node_modules/vega-scenegraph/");
  });

  it("makes string-width's segmenters and emoji expression on first use, not when loaded", () => {
    const code = read("dist/cli/command-line.cjs");
    const made = code.match(/new Intl\.Segmenter\(|RGI_Emoji\}/g) ?? [];
    const onFirstUse = code.match(
      /\?\?= (new Intl\.Segmenter\(|new RegExp\("\^\\\\p\{RGI_Emoji\})/g,
    );
    expect(made.length).toBeGreaterThan(0);
    expect(onFirstUse?.length).toBe(made.length);
  });

  it("has no import() in its scripts, which node:vm would refuse", () => {
    for (const file of SCRIPTS) expect(read(file)).not.toMatch(/\bimport\((?!\))/);
  });

  it.each(SCRIPTS)("has a code cache that this Node accepts for %s", (file) => {
    const path = resolve(ROOT, file);
    expect(existsSync(`${path}.code-cache`)).toBe(true);
    const script = new Script(readFileSync(path, "utf8"), {
      filename: path,
      cachedData: readFileSync(`${path}.code-cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
  });
});
