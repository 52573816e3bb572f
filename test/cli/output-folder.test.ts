/**
 * The default output folder: a scenario's name, however hostile, becomes ONE safe path segment
 * under reports/ (property-tested over separators, dots, control characters, device names and
 * any Unicode), and a name that is already such a segment — every shipped scenario's — is kept.
 */
import { readdirSync } from "node:fs";
import { join, posix, win32 } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FALLBACK_FOLDER_NAME,
  folderNameOf,
  MAX_FOLDER_NAME_LENGTH,
  outputFolderOf,
  REPORTS_FOLDER,
} from "../../src/cli/run/output-folder.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { assertProperty } from "../support/property.ts";

/** Interrupting a property run on time is a failure, never a silent pass. */
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Pieces that are trouble in a path on some system, mixed with harmless letters. */
const HOSTILE_PIECES = [
  ".",
  "..",
  "...",
  "/",
  "\\",
  "~",
  "C:",
  ":",
  "*",
  "?",
  '"',
  "<",
  ">",
  "|",
  " ",
  "\t",
  "\n",
  "\u0000",
  "\u001b[2J",
  "\u202e",
  "-",
  "_",
  "%2e%2e",
  "con",
  "NUL",
  "com1",
  "lpt9",
  "aux.",
  "é",
  "İ",
  "ß",
  "ﬁ",
  "Ⅻ",
  "ⓐ",
  "日本",
  "a",
  "Z",
  "7",
];

const hostileName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...HOSTILE_PIECES), maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary-ascii", minLength: 70, maxLength: 400 }),
);

/** Whether `folder` is one segment that stays directly under reports/ on POSIX and Windows. */
function isOneSafeSegment(folder: string): boolean {
  return [posix, win32].every((path) => {
    const joined = path.join(REPORTS_FOLDER, folder);
    return path.dirname(joined) === REPORTS_FOLDER && path.basename(joined) === folder;
  });
}

describe("folderNameOf", () => {
  it("gives one safe, readable segment for any name", () => {
    assertProperty(
      fc.property(hostileName, (name) => {
        const folder = folderNameOf(name);
        expect(folder).toMatch(/^[a-z0-9._-]+$/);
        expect(folder.length).toBeLessThanOrEqual(MAX_FOLDER_NAME_LENGTH);
        expect(folder).not.toContain("..");
        expect(folder).not.toMatch(/^[-.]|[-.]$/);
        expect(folder.split(".")[0]).not.toMatch(DEVICE);
        expect(isOneSafeSegment(folder)).toBe(true);
        expect(folderNameOf(folder)).toBe(folder);
      }),
    );
  });

  it("keeps a name that is already a safe segment", () => {
    const segment = fc
      .stringMatching(/^[a-z0-9_]([a-z0-9._-]{0,78}[a-z0-9_])?$/)
      .filter((name) => !/\.\.|--/.test(name) && !DEVICE.test(name.split(".")[0] ?? ""));
    assertProperty(
      fc.property(segment, (name) => {
        expect(folderNameOf(name)).toBe(name);
      }),
    );
  });

  it.each([
    ["../../../x", "x"],
    ["..", FALLBACK_FOLDER_NAME],
    [".", FALLBACK_FOLDER_NAME],
    ["/etc/passwd", "etc-passwd"],
    ["C:\\Users\\me", "c-users-me"],
    ["Voice 50 (test)", "voice-50-test"],
    ["Café — Ops", "cafe-ops"],
    [".hidden", "hidden"],
    ["trailing.", "trailing"],
    ["v1..2", "v1.2"],
    ["con", "scenario-con"],
    ["NUL.v2", "scenario-nul.v2"],
    ["日本", FALLBACK_FOLDER_NAME],
    ["\u001b[2Jclear", "2jclear"],
    ["a".repeat(200), "a".repeat(MAX_FOLDER_NAME_LENGTH)],
  ])("%j → %j", (name, folder) => {
    expect(folderNameOf(name)).toBe(folder);
  });

  it("keeps every shipped scenario's folder as it was (reports/<name>)", async () => {
    const files = readdirSync("scenarios").filter((file) => file.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { name } = await loadScenario(`scenarios/${file}`);
      expect(folderNameOf(name)).toBe(name);
    }
  });
});

describe("outputFolderOf", () => {
  it("uses --out exactly as given, and reports/<folder name> otherwise", () => {
    expect(outputFolderOf("../elsewhere/Out Dir", "quickstart")).toBe("../elsewhere/Out Dir");
    expect(outputFolderOf(undefined, "../../x")).toBe(join("reports", "x"));
  });
});
