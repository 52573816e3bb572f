/**
 * Rules that keep the suite honest on any machine: every fast-check run goes through
 * `assertProperty` (fixed seed, a time limit that fails when hit), no test reads the wall clock
 * or draws unseeded random numbers,
 * and a stuck simulation in a test fails on its event budget instead of hanging the process.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertProperty } from "./support/property.ts";
import { stripComments } from "./support/source-text.ts";
import { EventBudgetExceeded, runScenario, scenarioOf } from "./world/harness.ts";

/** Every TypeScript file under test/, as a path relative to the repository root. */
function testFiles(folder = "test"): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Files allowed to read the wall clock, with the reason. */
const WALL_CLOCK_ALLOWED = new Map([
  ["test/theory/validate.ts", "a script (npm run validate:theory) that reports its duration"],
]);

describe("test files", () => {
  const files = testFiles();

  it("are found", () => {
    expect(files).toContain("test/support/property.ts");
    expect(files.length).toBeGreaterThan(50);
  });

  it("run fast-check only through assertProperty (test/support/property.ts)", () => {
    const direct =
      /\bfc\s*\.\s*(assert|check)\s*\(|import\s*\{[^}]*\b(assert|check)\b[^}]*\}\s*from\s*"fast-check"/;
    const offenders = files.filter(
      (file) =>
        file !== "test/support/property.ts" &&
        direct.test(stripComments(readFileSync(file, "utf8"))),
    );
    expect(offenders).toEqual([]);
  });

  it("neither read the wall clock nor draw unseeded random numbers", () => {
    const clock =
      /\b(Date\s*\.\s*now|performance\s*\.\s*now|process\s*\.\s*hrtime|Math\s*\.\s*random)\b|\bnew\s+Date\s*\(\s*\)/;
    const offenders = files.filter(
      (file) =>
        !WALL_CLOCK_ALLOWED.has(file) &&
        clock.test(stripComments(readFileSync(file, "utf8"), true)),
    );
    expect(offenders).toEqual([]);
  });
});

describe("assertProperty", () => {
  it("fails, naming the seed, when the property fails", () => {
    expect(() =>
      assertProperty(
        fc.property(fc.integer(), (value) => value < 1000),
        { seed: 1 },
      ),
    ).toThrow(/seed: 1\b/);
  });

  it("fails (does not pass) when its time limit is hit between synchronous runs", () => {
    // A limit of 0 has expired before the first run.
    expect(() =>
      assertProperty(
        fc.property(fc.integer(), () => true),
        { timeLimitSeconds: 0 },
      ),
    ).toThrow(/interrupted/i);
  });

  it("fails when an asynchronous run never settles", async () => {
    await expect(
      assertProperty(
        fc.asyncProperty(fc.integer(), () => new Promise<void>(() => {})),
        { timeLimitSeconds: 0.2 },
      ),
    ).rejects.toThrow(/interrupted/i);
  });
});

describe("a simulation in a test that goes past its event budget", () => {
  it("fails with EventBudgetExceeded instead of running on", () => {
    // A normal scenario with a tiny budget stands for a stuck one: the check is the same.
    const file = "test/fixtures/world/small-random.yaml";
    const scenario = scenarioOf(readFileSync(file, "utf8"), file);
    expect(() => runScenario(scenario, 0, 100)).toThrow(EventBudgetExceeded);
    expect(() => runScenario(scenario, 0, 100)).toThrow(/more than 100 router events/);
  });
});
