/**
 * The broken-scenario corpus: every file in test/fixtures/broken must fail with exactly the
 * committed messages (snapshots under __snapshots__/broken), each on one located line.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ScenarioError, UsageError } from "../../src/errors.ts";
import { checkScenarioText, loadScenario } from "../../src/scenario/index.ts";

const CORPUS = "test/fixtures/broken";
const files = readdirSync(CORPUS).sort();
const ISSUE_LINE =
  /^(?<file>[^:\n]+):(?<line>[1-9]\d*):(?<column>[1-9]\d*) (?<path>\S+): (?<message>.+)$/;

async function problems(file: string): Promise<ScenarioError> {
  try {
    await loadScenario(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${file} loaded without problems`);
}

describe("broken scenarios", () => {
  it("has a corpus covering each problem family", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.some((name) => name.endsWith(".json"))).toBe(true);
  });

  it.each(files)("%s reports its problems exactly", async (name) => {
    const file = `${CORPUS}/${name}`;
    const error = await problems(file);
    expect(error.issues.length).toBeGreaterThan(0);
    await expect(`${error.message}\n`).toMatchFileSnapshot(`__snapshots__/broken/${name}.txt`);
  });

  it.each(files)("%s: each problem is one `file:line:column path: message` line", async (name) => {
    const file = `${CORPUS}/${name}`;
    const lines = (await problems(file)).message.split("\n");
    for (const line of lines) {
      const match = ISSUE_LINE.exec(line);
      expect(match, line).not.toBeNull();
      expect(match?.groups?.file).toBe(file);
    }
  });
});

describe("files that cannot be read", () => {
  it("a missing file is a usage error naming it", async () => {
    await expect(loadScenario(`${CORPUS}/does-not-exist.yaml`)).rejects.toThrow(
      new UsageError(`${CORPUS}/does-not-exist.yaml: file not found`),
    );
  });

  it("a directory is a usage error naming it", async () => {
    await expect(loadScenario(CORPUS)).rejects.toThrow(
      new UsageError(`${CORPUS}: is a directory, not a scenario file`),
    );
  });
});

describe("locations", () => {
  it("points an unknown key at the key and suggests the nearest known key", async () => {
    const [issue] = (await problems(`${CORPUS}/unknown-field-behavior.yaml`)).issues;
    expect(issue).toMatchObject({
      line: 15,
      column: 7,
      path: "workers[0].behavior.responseTme",
      hint: 'did you mean "responseTime"?',
    });
  });

  it("points a missing field at its parent object", async () => {
    const issues = (await problems(`${CORPUS}/missing-fields.yaml`)).issues;
    const missing = issues.find((issue) => issue.path === "queues[0].distributionPolicyId");
    // queues[0] is the map starting at line 5, column 5 ("id: queue-1").
    expect(missing).toMatchObject({ line: 5, column: 5, message: "required field is missing" });
  });
});

describe("a .json scenario that is not JSON", () => {
  it("is one located syntax error that does not repeat the file's contents", () => {
    const check = checkScenarioText("name: secret-value\n", "scenario.json");
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues).toHaveLength(1);
    expect(check.issues[0]?.message).toMatch(/^syntax error: invalid JSON/);
    expect(check.issues[0]?.message).not.toMatch(/secret-value/);
  });
});
