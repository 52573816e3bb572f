/**
 * checkScenarioFile (what the CLI's commands call) with `--set` overrides: the scenario comes
 * back changed, problems and model warnings are printed naming their --set, and --strict still
 * counts those warnings. Lines written to stderr are captured, not shown.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { checkScenarioFile } from "../../src/cli/scenario-check.ts";
import { parseOverride } from "../../src/scenario/index.ts";

const FILE = "scenarios/multi-skill.yaml";
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  stderr.mockRestore();
});

function printed(): string[] {
  return stderr.mock.calls.map(([chunk]) => String(chunk).trimEnd());
}

describe("checkScenarioFile with overrides", () => {
  it("returns the changed scenario and prints nothing when it is valid", async () => {
    const checked = await checkScenarioFile(FILE, true, [
      parseOverride("distributionPolicies[best-worker].offerExpiresAfterSeconds=60"),
    ]);
    expect(checked?.scenario.distributionPolicies[0]?.offerExpiresAfterSeconds).toBe(60);
    expect(printed()).toEqual([]);
  });

  it("checks the file as it is without overrides", async () => {
    const checked = await checkScenarioFile(FILE, true);
    expect(checked?.scenario.distributionPolicies[0]?.offerExpiresAfterSeconds).toBe(30);
  });

  it("prints each problem naming its --set and returns nothing", async () => {
    const checked = await checkScenarioFile(FILE, false, [
      parseOverride("workers[agnets].count=48"),
      parseOverride("workers[spanish].count=-1"),
    ]);
    expect(checked).toBeUndefined();
    const lines = printed();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('workers: --set "workers[agnets].count=48": no entry of workers');
    expect(lines[1]).toContain('(set by --set "workers[spanish].count=-1")');
  });

  it("marks the model warnings an override causes, and --strict counts them", async () => {
    const override = parseOverride("workers[bilingual].availableForOffers=false");
    const checked = await checkScenarioFile(FILE, false, [override]);
    expect(checked?.warnings.map((warning) => warning.message)).toEqual([
      'these workers are never on duty: availableForOffers is false and they have no shifts (set by --set "workers[bilingual].availableForOffers=false")',
    ]);
    expect(printed()[0]).toMatch(/^scenarios\/multi-skill\.yaml:\d+:5 warning: workers\[3\]/);
    stderr.mockClear();
    expect(await checkScenarioFile(FILE, true, [override])).toBeUndefined();
    expect(printed().at(-1)).toBe(`${FILE}: 1 warning, and --strict counts warnings as errors`);
  });
});
