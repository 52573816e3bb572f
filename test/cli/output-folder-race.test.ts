/**
 * Two runs started together in one working folder both make its reports/ folder: the one that
 * loses the race between looking and mkdir must take the folder the other made, not refuse it
 * as "a file in the way" (seen under load: two `ccsim run`s in one folder, one exiting 2).
 * node:fs's mkdirSync is wrapped so that, for the folder named `contested`, another "process"
 * makes it just before this one's mkdir.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const scratch = fs.mkdtempSync(join(tmpdir(), "ccsim-folder-race-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const mkdirSync = ((path: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
    if (String(path).endsWith("contested") && !real.existsSync(path)) {
      real.mkdirSync(path); // the other run wins the race
    }
    return real.mkdirSync(path, options);
  }) as typeof real.mkdirSync;
  return { ...real, default: { ...real, mkdirSync }, mkdirSync };
});

const { prepareOutputFolder, removeUnusedOutputFolders } = await import(
  "../../src/cli/run/atomic-files.ts"
);

describe("an output folder another run makes at the same moment", () => {
  it("is used, and what the other run made is not taken away again", () => {
    const output = join(scratch, "work", "contested", "x");
    expect(() => prepareOutputFolder(output)).not.toThrow();
    expect(fs.statSync(output).isDirectory()).toBe(true);
    fs.rmdirSync(output);
    // This run then fails: it takes away only what it made itself (x, and work/ if empty, which
    // it is not); contested/, made by the other run, stays.
    removeUnusedOutputFolders();
    expect(fs.existsSync(join(scratch, "work", "contested"))).toBe(true);
  });

  it("is still refused when a file is in the way", () => {
    const file = join(scratch, "file-contested");
    fs.writeFileSync(file, "");
    expect(() => prepareOutputFolder(join(file, "x"))).toThrow(/a file is in the way/);
  });
});
