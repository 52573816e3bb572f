/**
 * docs/architecture.md, enforced: every import between src/ folders follows the allowed
 * direction (one table below, mirroring the doc's "Dependencies point one way"), and the
 * simulation below cli/ never touches Math.random, Date.now, console or process. Imports and
 * globals are found by regular expressions over the source with comments (and, for globals,
 * string contents) removed; the checker itself is tested on planted violations.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { stripComments } from "./support/source-text.ts";

/** A part of src/: a folder, or a top-level file such as `simulate.ts`. */
type Part = string;

/** What a part may import: every other part, with `typeOnly` when only types may cross. */
interface Allowed {
  readonly parts: readonly Part[];
  readonly typeOnly?: readonly Part[];
}

/** Parts that import nothing else from src/ (the doc's list; vocabulary/ is on main's side). */
const LEAVES: readonly Part[] = ["collections", "engine", "powerfx", "theory", "vocabulary"];

/** Everything below the composition root that a top-level entry point may use. */
const BELOW_ENTRY_POINTS: readonly Part[] = [
  "simulate.ts",
  "errors.ts",
  "world",
  "metrics",
  "report",
  "router",
  "scenario",
  "model-checks",
  "planning",
  "comparison",
  "random",
  ...LEAVES,
];

/**
 * The allowed direction, as docs/architecture.md draws it (transitively: a part may import
 * whatever the parts it points to may). errors.ts is a leaf any non-leaf part may import.
 */
const ALLOWED: Readonly<Record<Part, Allowed>> = {
  "index.ts": { parts: BELOW_ENTRY_POINTS },
  cli: { parts: [...BELOW_ENTRY_POINTS, "serve"] },
  // `ccsim serve`: the router on its engine behind the REST API; the scenario's schemas and the
  // vocabulary for reading requests; the Event Grid writer for its events; a random stream for
  // weighted allocations; the world of a scenario's simulated people under --world. No metrics:
  // clients (and the world) play the people.
  serve: {
    parts: ["errors.ts", "router", "engine", "vocabulary", "scenario", "report", "random", "world"],
  },
  "simulate.ts": {
    parts: [
      "replication-observers.ts",
      "errors.ts",
      "world",
      "metrics",
      "router",
      "scenario",
      "engine",
      "collections",
      "random",
      "powerfx",
      "vocabulary",
    ],
  },
  world: {
    parts: [
      "errors.ts",
      "router",
      "scenario",
      "engine",
      "collections",
      "random",
      "powerfx",
      "vocabulary",
    ],
  },
  // The doc: metrics → router (observer and event types only); the collections and random's
  // special functions are leaves it reuses.
  metrics: { parts: ["errors.ts", "router", "collections", "random"], typeOnly: ["router"] },
  // The doc: report → metrics, and the planning answers and comparisons it draws (types
  // only); its Event Grid writer reads the router's event types.
  report: {
    parts: ["errors.ts", "metrics", "planning", "comparison", "router"],
    typeOnly: ["planning", "comparison", "router"],
  },
  // The doc: cli → comparison → { metrics, scenario, vocabulary } (scenario's located CSV reader
  // and name suggestions, besides its types).
  comparison: { parts: ["errors.ts", "metrics", "scenario", "vocabulary"] },
  // The doc: cli → planning → { scenario and metrics types, theory }.
  planning: {
    parts: ["errors.ts", "scenario", "metrics", "theory"],
    typeOnly: ["scenario", "metrics"],
  },
  // The doc: cli → model-checks → { scenario, router's selector evaluation }.
  "model-checks": { parts: ["errors.ts", "scenario", "router", "powerfx", "vocabulary"] },
  router: {
    parts: ["errors.ts", "scenario", "engine", "collections", "random", "powerfx", "vocabulary"],
    typeOnly: ["scenario"],
  },
  scenario: { parts: ["errors.ts", "powerfx", "vocabulary"] },
  random: { parts: ["vocabulary"] },
  // The composition root's observers: the router's observer interface and nothing else.
  "replication-observers.ts": { parts: ["router"] },
  "errors.ts": { parts: [] },
  collections: { parts: [] },
  engine: { parts: [] },
  powerfx: { parts: [] },
  theory: { parts: [] },
  vocabulary: { parts: [] },
};

/** Globals that make a run depend on something other than (scenario, seed), below cli/. */
const FORBIDDEN_GLOBALS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "Math.random", pattern: /\bMath\s*\.\s*random\b/ },
  { name: "Date.now", pattern: /\bDate\s*\.\s*now\b/ },
  // Not a property (`stream.process`) nor an object key (`process: …`).
  { name: "console", pattern: /(?<![.\w$])console\b(?!\s*:)/ },
  { name: "process", pattern: /(?<![.\w$])process\b(?!\s*:)/ },
];

/** Parts allowed to use a forbidden global, with the reason (none needed today). */
const GLOBAL_EXCEPTIONS: readonly { part: Part; name: string; reason: string }[] = [];

/** One import or re-export of a module. */
interface ImportStatement {
  readonly specifier: string;
  /** `import type …`, `export type …`, or every named binding marked `type`. */
  readonly typeOnly: boolean;
  readonly line: number;
}

/** Static imports, re-exports (single or multi-line), side-effect and dynamic imports. */
function importsOf(source: string): ImportStatement[] {
  const code = stripComments(source);
  const lineOf = (index: number) => code.slice(0, index).split("\n").length;
  const found: ImportStatement[] = [];
  const statement = /^[ \t]*(import|export)\b([^;'"`]*?)\bfrom\s*(["'])([^"'\n]+)\3/gm;
  for (const match of code.matchAll(statement)) {
    const clause = (match[2] as string).trim();
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const namedAllTypes =
      names !== undefined &&
      !/^type\b/.test(clause) &&
      clause.startsWith("{") &&
      names
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "")
        .every((name) => name.startsWith("type "));
    found.push({
      specifier: match[4] as string,
      typeOnly: /^type\b/.test(clause) || namedAllTypes,
      line: lineOf(match.index),
    });
  }
  for (const match of code.matchAll(/^[ \t]*import\s*(["'])([^"'\n]+)\1/gm))
    found.push({ specifier: match[2] as string, typeOnly: false, line: lineOf(match.index) });
  for (const match of code.matchAll(/\bimport\s*\(\s*(["'])([^"'\n]+)\1/g))
    found.push({ specifier: match[2] as string, typeOnly: false, line: lineOf(match.index) });
  return found;
}

/** The part of a path relative to src/: its first folder, or the file itself at the top. */
function partOf(pathInSource: string): Part {
  return normalize(pathInSource).split(/[\\/]/)[0] as string;
}

/** Problems with one source file's imports, as `file:line: message`. */
function importProblems(file: string, source: string): string[] {
  const from = partOf(relative("src", file));
  const allowed = ALLOWED[from];
  if (allowed === undefined) return [`${file}: ${from} is missing from the ALLOWED table`];
  const problems: string[] = [];
  for (const statement of importsOf(source)) {
    if (!statement.specifier.startsWith(".")) continue;
    const target = relative("src", join(dirname(file), statement.specifier));
    if (target.startsWith("..")) {
      problems.push(`${file}:${statement.line}: imports ${statement.specifier}, outside src/`);
      continue;
    }
    const to = partOf(target);
    if (to === from) continue;
    if (!allowed.parts.includes(to)) {
      problems.push(
        `${file}:${statement.line}: ${from} must not import ${to} (${statement.specifier}); see docs/architecture.md`,
      );
    } else if (allowed.typeOnly?.includes(to) === true && !statement.typeOnly) {
      problems.push(
        `${file}:${statement.line}: ${from} may import only types from ${to} (${statement.specifier}); use import type`,
      );
    }
  }
  return problems;
}

/** Uses of forbidden globals in one source file, as `file:line: message`. */
function globalProblems(file: string, source: string): string[] {
  const part = partOf(relative("src", file));
  if (part === "cli") return [];
  const lines = stripComments(source, true).split("\n");
  const problems: string[] = [];
  for (const { name, pattern } of FORBIDDEN_GLOBALS) {
    if (GLOBAL_EXCEPTIONS.some((exception) => exception.part === part && exception.name === name))
      continue;
    lines.forEach((line, index) => {
      if (pattern.test(line))
        problems.push(`${file}:${index + 1}: ${name} below cli/ (${line.trim()})`);
    });
  }
  return problems;
}

/** Every .ts/.mts/.mjs file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

describe("src/", () => {
  const files = sourceFiles("src");

  it("every file belongs to a part of the table", () => {
    expect(files.length).toBeGreaterThan(100);
    const parts = new Set(files.map((file) => partOf(relative("src", file))));
    expect([...parts].filter((part) => ALLOWED[part] === undefined)).toEqual([]);
  });

  it("imports only in the direction of docs/architecture.md", () => {
    const problems = files.flatMap((file) => importProblems(file, readFileSync(file, "utf8")));
    expect(problems).toEqual([]);
  });

  it("has no Math.random, Date.now, console or process below cli/", () => {
    const problems = files.flatMap((file) => globalProblems(file, readFileSync(file, "utf8")));
    expect(problems).toEqual([]);
  });

  it("gives no part that exists to the parts the doc calls leaves", () => {
    const doc = readFileSync("docs/architecture.md", "utf8").replace(/\s+/g, " ");
    const sentence =
      /((?:`[a-z-]+\/`(?:, | and ))+`[a-z-]+\/`) import nothing else from `src\/`/.exec(doc);
    expect(sentence).not.toBeNull();
    const leaves = [...(sentence?.[1] ?? "").matchAll(/`([a-z-]+)\/`/g)].map((match) => match[1]);
    expect(leaves.length).toBeGreaterThanOrEqual(3);
    const existing = new Set(files.map((file) => partOf(relative("src", file))));
    for (const leaf of leaves)
      expect([leaf, ALLOWED[leaf as string]?.parts.filter((part) => existing.has(part))]).toEqual([
        leaf,
        [],
      ]);
  });
});

describe("src/router/", () => {
  it("keeps at its top only the facade and what every part shares; the rest in the folders the doc names", () => {
    const doc = readFileSync("docs/architecture.md", "utf8");
    const namedFolders = [...doc.matchAll(/^ {4}([a-z-]+)\/ +\S/gm)].map((match) => match[1]);
    const entries = readdirSync("src/router", { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort()).toEqual([...namedFolders].sort());
    const topFiles = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    const namedTop = /router\.ts \(its operations\)[^:]*:/s.exec(doc)?.[0] ?? "";
    expect(topFiles.filter((name) => !namedTop.includes(name))).toEqual([]);
  });
});

describe("the checker, on planted violations", () => {
  it("finds single-line, multi-line, re-export, side-effect and dynamic imports", () => {
    const source = [
      'import { a } from "./a.ts";',
      "import {",
      "  b,",
      "  type C,",
      '} from "../router/index.ts";',
      'export { d } from "../world/d.ts";',
      'export * from "./e.ts";',
      'import "../engine/f.ts";',
      'const g = await import("../report/g.ts");',
      '// import { h } from "../cli/h.ts";',
      '/* import { i } from "../cli/i.ts"; */',
      'import type { J } from "../router/j.ts";',
      'import { type K, type L } from "../router/k.ts";',
      "const text = \"import { m } from '../cli/m.ts'\";",
    ].join("\n");
    expect(
      importsOf(source).map(({ specifier, typeOnly, line }) => [specifier, typeOnly, line]),
    ).toEqual([
      ["./a.ts", false, 1],
      ["../router/index.ts", false, 2],
      ["../world/d.ts", false, 6],
      ["./e.ts", false, 7],
      ["../router/j.ts", true, 12],
      ["../router/k.ts", true, 13],
      ["../engine/f.ts", false, 8],
      ["../report/g.ts", false, 9],
    ]);
  });

  it("reports an import against the direction and a value import where only types may cross", () => {
    expect(
      importProblems("src/engine/engine.ts", 'import { World } from "../world/world.ts";'),
    ).toEqual([
      "src/engine/engine.ts:1: engine must not import world (../world/world.ts); see docs/architecture.md",
    ]);
    expect(
      importProblems("src/metrics/x.ts", 'import { Router } from "../router/index.ts";'),
    ).toEqual([
      "src/metrics/x.ts:1: metrics may import only types from router (../router/index.ts); use import type",
    ]);
    expect(
      importProblems("src/metrics/x.ts", 'import type { RouterEvent } from "../router/index.ts";'),
    ).toEqual([]);
    expect(importProblems("src/router/x.ts", 'import { x } from "../../test/x.ts";')).toHaveLength(
      1,
    );
  });

  it("reports forbidden globals in code, not in comments, strings or property names", () => {
    const source = [
      "const a = Math.random();",
      "// Date.now() in a comment",
      'const b = "console and process in a string";',
      "const c = stream.process.next();",
      "const d = { process: 1 };",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
      "const e = `${Date.now()} in a template`;",
      "console.log(a);",
      "if (process.env.X) {}",
    ].join("\n");
    expect(
      globalProblems("src/world/x.ts", source).map((problem) => problem.split(" (")[0]),
    ).toEqual([
      "src/world/x.ts:1: Math.random below cli/",
      "src/world/x.ts:6: Date.now below cli/",
      "src/world/x.ts:7: console below cli/",
      "src/world/x.ts:8: process below cli/",
    ]);
    expect(globalProblems("src/cli/x.ts", source)).toEqual([]);
  });
});
