/**
 * Model warnings: every file in test/fixtures/warnings gives exactly the committed warnings
 * (snapshots under __snapshots__/warnings), each one located `file:line:column warning:` line;
 * models that look odd but can work give none; no shipped scenario gives any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatWarning, type ScenarioIssue } from "../../src/errors.ts";
import { modelWarnings } from "../../src/model-checks/index.ts";
import { checkScenarioText } from "../../src/scenario/index.ts";

const CORPUS = "test/fixtures/warnings";
const files = readdirSync(CORPUS)
  .filter((name) => name.endsWith(".yaml"))
  .sort();
const WARNING_LINE =
  /^(?<file>[^:\n]+):(?<line>[1-9]\d*):(?<column>[1-9]\d*) warning: (?<path>\S+): (?<message>.+)$/;

function warningsOf(file: string): ScenarioIssue[] {
  const check = checkScenarioText(readFileSync(file, "utf8"), file);
  if (!check.ok) throw new Error(`${file} does not validate: ${check.issues[0]?.message}`);
  return modelWarnings(check.scenario, check.source);
}

function warningsOfText(text: string): string[] {
  return warningsOfTextIssues(text).map(formatWarning);
}

function warningsOfTextIssues(text: string): ScenarioIssue[] {
  const check = checkScenarioText(text, "test.yaml");
  if (!check.ok) throw new Error(`does not validate: ${check.issues[0]?.message}`);
  return modelWarnings(check.scenario, check.source);
}

describe("model warnings corpus", () => {
  it.each(files)("%s gives exactly its committed warnings", async (name) => {
    const lines = warningsOf(`${CORPUS}/${name}`).map(formatWarning);
    if (name !== "no-false-warnings.yaml") expect(lines).not.toEqual([]);
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(`__snapshots__/warnings/${name}.txt`);
  });

  it.each(files)("%s: each warning is one located `warning:` line, in file order", (name) => {
    const issues = warningsOf(`${CORPUS}/${name}`);
    for (const line of issues.map(formatWarning)) {
      const match = WARNING_LINE.exec(line);
      expect(match, line).not.toBeNull();
      expect(match?.groups?.file).toBe(`${CORPUS}/${name}`);
    }
    const positions = issues.map((issue) => issue.line * 10_000 + issue.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe("models that can work", () => {
  it("give no warning however odd they look", () => {
    expect(warningsOf(`${CORPUS}/no-false-warnings.yaml`).map(formatWarning)).toEqual([]);
  });

  it.each(
    readdirSync("scenarios")
      .filter((name) => name.endsWith(".yaml"))
      .sort(),
  )("shipped scenario %s gives no warning", (name) => {
    expect(warningsOf(`scenarios/${name}`).map(formatWarning)).toEqual([]);
  });
});

describe("locations and suggestions", () => {
  it("points a channel typo at the arrival's channelId and names the workers' channel", () => {
    const [warning] = warningsOf(`${CORPUS}/channel-typo.yaml`);
    expect(warning).toMatchObject({
      line: 13,
      column: 16,
      path: "arrivals[0].channelId",
      hint: 'did you mean "voice"?',
    });
  });

  it("points a selector key typo at the key and names the nearest label", () => {
    const [warning] = warningsOf(`${CORPUS}/selector-key-typo.yaml`);
    expect(warning).toMatchObject({
      line: 21,
      column: 39,
      path: "arrivals[0].requestedWorkerSelectors[0].key",
      hint: 'did you mean "english"?',
    });
  });

  it("locates a late shift as written, not as sorted", () => {
    const [warning] = warningsOf(`${CORPUS}/shifts-outside-horizon.yaml`);
    expect(warning).toMatchObject({ line: 13, path: "workers[0].shifts[0].start" });
    expect(warning?.message).toContain("horizon (8h)");
  });
});

describe("selector semantics are the router's", () => {
  const scenario = (selector: string, labels = "{ level: 3, language: en }") => `horizon: 1h
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: a, capacity: 1, queues: [q], labels: ${labels}, channels: [{ channelId: voice, capacityCostPerJob: 1 }] }
arrivals:
  - id: calls
    channelId: voice
    queueId: q
    requestedWorkerSelectors: [${selector}]
    arrival: { kind: poisson, ratePerHour: 30 }
    handleTime: 2m
`;

  it.each([
    ["{ key: level, labelOperator: lessThanOrEqual, value: 3 }", 0],
    ["{ key: level, labelOperator: lessThan, value: 3 }", 1],
    ['{ key: level, labelOperator: equal, value: "3" }', 1],
    ["{ key: level, labelOperator: notEqual, value: 3 }", 1],
    ['{ key: level, labelOperator: notEqual, value: "3" }', 0],
    ["{ key: language, labelOperator: greaterThan, value: de }", 0],
    ["{ key: language, labelOperator: greaterThan, value: fr }", 1],
    ["{ key: missing, labelOperator: notEqual, value: x }", 0],
    ["{ key: Id, labelOperator: equal, value: a }", 0],
    ["{ key: Id, labelOperator: equal, value: b }", 1],
  ])("%s gives %i warning(s)", (selector, count) => {
    expect(warningsOfText(scenario(selector))).toHaveLength(count);
  });

  it("is deterministic: the same scenario gives the same lines", () => {
    const text = readFileSync(`${CORPUS}/queue-unserved.yaml`, "utf8");
    expect(warningsOfText(text)).toEqual(warningsOfText(text));
  });
});

describe("worker groups", () => {
  const withGroup = (group: string) => `horizon: 1h
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: a, capacity: 1, queues: [q], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }
  - ${group}
arrivals:
  - { id: calls, channelId: voice, queueId: q, handleTime: 1m, arrival: { kind: poisson, ratePerHour: 30 } }
`;

  it("a group with no queue never gets a job", () => {
    expect(
      warningsOfText(
        withGroup(
          "{ id: b, capacity: 1, queues: [], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }",
        ),
      ),
    ).toEqual([
      "test.yaml:6:35 warning: workers[1].queues: these workers serve no queue, so they never get a job (hint: list the queues they serve)",
    ]);
  });

  it("a shift that starts before the horizon and ends after it is fine", () => {
    expect(
      warningsOfText(
        withGroup(
          "{ id: b, capacity: 1, queues: [q], shifts: [{ start: 59m, end: 3h }], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }",
        ),
      ),
    ).toEqual([]);
  });
});
