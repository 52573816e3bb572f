/**
 * The drawing libraries load only when charts are drawn: no module statically reachable from
 * src/cli/command-line.ts (what the CLI's entry runs) or from a command's module (value imports
 * and re-exports; `import type` is erased, `await import(…)` is lazy) imports vega, vega-lite
 * or @resvg/resvg-js. Otherwise `--no-charts`, `validate` and `schema` would pay for loading
 * them on every start.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stripComments } from "../../support/source-text.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const HEAVY_PACKAGES = ["vega", "vega-lite", "@resvg/resvg-js"];
const COMMAND_MODULES = readdirSync(resolve(ROOT, "src/cli/commands")).filter(
  (name) => name.endsWith(".ts") && name !== "index.ts" && name !== "summaries.ts",
);

/** The value (non-type) static imports and re-exports of a module's source. */
function staticValueImportsOf(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const statement = /^[ \t]*(import|export)\b([^;'"`]*?)\bfrom\s*(["'])([^"'\n]+)\3/gm;
  for (const match of code.matchAll(statement)) {
    const clause = (match[2] ?? "").trim();
    const names = /^\{([^}]*)\}$/.exec(clause)?.[1];
    const namedAllTypes = (names ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "")
      .every((name) => name.startsWith("type "));
    const allTypes = /^type\b/.test(clause) || (names !== undefined && namedAllTypes);
    if (!allTypes) found.push(match[4] ?? "");
  }
  for (const match of code.matchAll(/^[ \t]*import\s*(["'])([^"'\n]+)\1/gm)) {
    found.push(match[2] ?? "");
  }
  return found;
}

/** Every heavy package import reachable from `entry`, as `importer → package`. */
function heavyImportsReachableFrom(entry: string): { reached: number; heavy: string[] } {
  const seen = new Set<string>();
  const heavy: string[] = [];
  const pending = [resolve(ROOT, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticValueImportsOf(readFileSync(file, "utf8"))) {
      if (specifier.startsWith(".")) {
        pending.push(resolve(dirname(file), specifier));
      } else if (
        HEAVY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      ) {
        heavy.push(`${relative(ROOT, file)} → ${specifier}`);
      }
    }
  }
  return { reached: seen.size, heavy };
}

describe("charts load lazily", () => {
  it("no module statically reachable from the CLI's entry imports vega, vega-lite or resvg", () => {
    const { reached, heavy } = heavyImportsReachableFrom("src/cli/command-line.ts");
    expect(reached).toBeGreaterThan(5); // the walk really followed the imports
    expect(heavy).toEqual([]);
  });

  // The command line loads the module of the command that runs on demand (cli/commands/index.ts).
  it.each(COMMAND_MODULES)("nor any statically reachable from the command module %s", (file) => {
    const { reached, heavy } = heavyImportsReachableFrom(`src/cli/commands/${file}`);
    expect(reached).toBeGreaterThan(file === "run.ts" ? 50 : 1);
    expect(heavy).toEqual([]);
  });

  it("the chart modules do import them (the walk would see it if the CLI did)", () => {
    const { heavy } = heavyImportsReachableFrom("src/report/render/index.ts");
    expect(heavy.some((line) => line.endsWith("→ vega"))).toBe(true);
    expect(heavy.some((line) => line.endsWith("→ @resvg/resvg-js"))).toBe(true);
  });

  it("tells type-only and lazy imports from value imports", () => {
    const source = [
      'import type { A } from "vega-lite";',
      'import { type B, type C } from "vega";',
      'const lazy = await import("vega");',
      'import { render } from "./render.ts";',
      'export { x } from "@resvg/resvg-js";',
      'import "./side-effect.ts";',
    ].join("\n");
    expect(staticValueImportsOf(source)).toEqual([
      "./render.ts",
      "@resvg/resvg-js",
      "./side-effect.ts",
    ]);
  });
});
