/**
 * Output files whole or not at all: every file is written under a temporary name and renamed
 * only once all are written; a failure part-way leaves neither temporaries nor new files, and
 * an output path that cannot be a folder is the user's problem (UsageError), not a crash.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  prepareOutputFolder,
  temporaryNameOf,
  writeFilesAtomically,
} from "../../src/cli/run/atomic-files.ts";
import { UsageError } from "../../src/errors.ts";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-atomic-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const freshFolder = () => join(scratch, `folder-${++folders}`);

describe("writeFilesAtomically", () => {
  it("writes every file, replacing older ones, and leaves no temporary behind", () => {
    const folder = freshFolder();
    prepareOutputFolder(folder);
    writeFileSync(join(folder, "a.csv"), "old\n");
    const written = writeFilesAtomically(
      folder,
      new Map([
        ["a.csv", "new a\n"],
        ["b.json", "{}\n"],
      ]),
    );
    expect(written).toEqual([join(folder, "a.csv"), join(folder, "b.json")]);
    expect(readdirSync(folder).sort()).toEqual(["a.csv", "b.json"]);
    expect(readFileSync(join(folder, "a.csv"), "utf8")).toBe("new a\n");
  });

  it("renames a file streamed beforehand under its temporary name along with the rest", () => {
    const folder = freshFolder();
    prepareOutputFolder(folder);
    const events = join(folder, "events.jsonl");
    writeFileSync(temporaryNameOf(events), "{}\n");
    const written = writeFilesAtomically(folder, new Map([["summary.json", "{}\n"]]), [events]);
    expect(written).toEqual([join(folder, "summary.json"), events]);
    expect(readdirSync(folder).sort()).toEqual(["events.jsonl", "summary.json"]);
  });

  it("on a failure part-way removes what it wrote and renames nothing", () => {
    const folder = freshFolder();
    prepareOutputFolder(folder);
    writeFileSync(join(folder, "a.csv"), "old\n");
    expect(() =>
      writeFilesAtomically(
        folder,
        new Map([
          ["a.csv", "new a\n"],
          ["missing-subfolder/b.csv", "b\n"],
        ]),
      ),
    ).toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual(["a.csv"]);
    expect(readFileSync(join(folder, "a.csv"), "utf8")).toBe("old\n");
  });
});

describe("prepareOutputFolder", () => {
  it("creates missing folders", () => {
    const folder = join(freshFolder(), "nested", "deeper");
    prepareOutputFolder(folder);
    expect(existsSync(folder)).toBe(true);
  });

  it("refuses a path that is a file, with a UsageError naming it", () => {
    const file = join(scratch, "plain-file");
    writeFileSync(file, "x");
    expect(() => prepareOutputFolder(file)).toThrow(UsageError);
    expect(() => prepareOutputFolder(join(file, "below"))).toThrow(
      `--out ${join(file, "below")}: cannot use it as the output folder (a file is in the way)`,
    );
  });
});
