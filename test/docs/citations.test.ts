/**
 * Every `§` citation in the code, the tests, the benchmarks and the docs names a section or
 * item that exists in docs/reference/ (the Job Router reference, or the output contract when
 * written `output contract §<n>`), so the repository explains itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  brokenCitations,
  definedKeys,
  findCitations,
  type ReferenceDocument,
} from "./citations.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const REFERENCE = join(ROOT, "docs", "reference");

const defined: Record<ReferenceDocument, Set<string>> = {
  jobrouter: definedKeys(readFileSync(join(REFERENCE, "jobrouter.md"), "utf8")),
  "output-contract": definedKeys(readFileSync(join(REFERENCE, "output-contract.md"), "utf8")),
};

/** Every file under `folder` whose name ends with one of `extensions`. */
function filesUnder(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((end) => entry.name.endsWith(end)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files whose citations must resolve: sources, tests, benchmarks and prose outside docs/reference/. */
function citingFiles(): string[] {
  return [
    ...["src", "test", "bench"].flatMap((folder) => filesUnder(join(ROOT, folder), [".ts"])),
    ...filesUnder(join(ROOT, "docs"), [".md"]).filter((file) => !file.startsWith(REFERENCE)),
    join(ROOT, "README.md"),
  ].filter((file) => !file.includes(join("test", "docs")));
}

describe("§ citations", () => {
  it("the reference defines the sections the code relies on", () => {
    for (const key of ["3.1", "3.1 rule 6", "3.4", "8 a", "8 r", "9 a"]) {
      expect(defined.jobrouter.has(key), key).toBe(true);
    }
    expect(defined["output-contract"].has("5")).toBe(true);
  });

  it("every citation in src/, test/, bench/ and docs/ exists in docs/reference/", () => {
    const files = citingFiles();
    const cited = files.flatMap((file) => findCitations(readFileSync(file, "utf8")));
    expect(cited.length).toBeGreaterThan(50);
    const broken = files.flatMap((file) =>
      brokenCitations(relative(ROOT, file), readFileSync(file, "utf8"), defined),
    );
    expect(broken).toEqual([]);
  });

  it("reports planted bad citations, and only those", () => {
    const planted = [
      "ok (§3.1 rule 6, §8 j) and (§8 g, l) and §6 table and output contract §5",
      "missing section §12",
      "missing subsection §3.9",
      "missing item §8 z",
      "one missing item of two §8 g, z",
      "missing rule §3.1 rule 8",
      "missing contract section output contract §9",
    ].join("\n");
    expect(brokenCitations("planted.ts", planted, defined)).toEqual([
      "planted.ts:2 §12 (jobrouter)",
      "planted.ts:3 §3.9 (jobrouter)",
      "planted.ts:4 §8 z (jobrouter)",
      "planted.ts:5 §8 g, z (jobrouter)",
      "planted.ts:6 §3.1 rule 8 (jobrouter)",
      "planted.ts:7 output contract §9 (output-contract)",
    ]);
  });
});
