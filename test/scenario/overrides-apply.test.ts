/**
 * `--set` overrides applied by checkScenarioText on the shipped multi-skill scenario: values set
 * at indices, ids and new fields, in order (last wins), without touching the parsed document;
 * paths that name nothing are located problems; invalid values are reported by the ordinary
 * checks at the original field, saying which --set they came from; and an override loads to
 * the same Scenario as the file edited by hand.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue, formatWarning } from "../../src/errors.ts";
import { modelWarnings } from "../../src/model-checks/index.ts";
import {
  checkScenarioText,
  locateRunProblems,
  noteOverrides,
  parseOverride,
  type Scenario,
  type ScenarioCheck,
} from "../../src/scenario/index.ts";
import { applyOverrides } from "../../src/scenario/override-apply.ts";

const FILE = "scenarios/multi-skill.yaml";
const TEXT = readFileSync(FILE, "utf8");

function check(sets: readonly string[], text = TEXT): ScenarioCheck {
  return checkScenarioText(text, FILE, sets.map(parseOverride));
}

function scenarioOf(sets: readonly string[], text = TEXT): Scenario {
  const result = check(sets, text);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  return result.scenario;
}

function problemLines(sets: readonly string[]): string[] {
  const result = check(sets);
  if (result.ok) throw new Error(`${sets.join(" ")} was accepted`);
  return result.issues.map(formatIssue);
}

/** The text with `from` (which must occur exactly once) replaced, as a user would edit it. */
function edited(from: string, to: string): string {
  expect(TEXT.split(from)).toHaveLength(2);
  return TEXT.replace(from, to);
}

/** A scenario without the path of its file, to compare scenarios loaded from different files. */
function withoutSource({ sourcePath: _, ...rest }: Scenario): Omit<Scenario, "sourcePath"> {
  return rest;
}

function lineOf(text: string): number {
  return TEXT.split("\n").findIndex((line) => line.includes(text)) + 1;
}

describe("applying overrides", () => {
  it("changes nothing without overrides", () => {
    const without = checkScenarioText(TEXT, FILE);
    const withNone = checkScenarioText(TEXT, FILE, []);
    if (!without.ok || !withNone.ok) throw new Error("multi-skill does not validate");
    expect(withNone.scenario).toEqual(without.scenario);
    expect(withNone.source.overrides).toEqual([]);
    expect(withNone.source.valueAt(["workers", 2])).toEqual(without.source.valueAt(["workers", 2]));
  });

  it("sets a top-level field, a field by index and a field by id", () => {
    const scenario = scenarioOf([
      "seed=7",
      "distributionPolicies[0].offerExpiresAfterSeconds=60",
      "workers[bilingual].count=9",
      "horizon=2h",
    ]);
    expect(scenario.seed).toBe(7);
    expect(scenario.distributionPolicies[0]?.offerExpiresAfterSeconds).toBe(60);
    expect(scenario.workers.map((group) => group.count)).toEqual([10, 14, 8, 9]);
    expect(scenario.horizonSeconds).toBe(7200);
  });

  it("creates a field the file leaves to its default, and maps on the way to it", () => {
    const scenario = scenarioOf([
      "distributionPolicies[best-worker].mode.maxConcurrentOffers=2",
      "workers[spanish].behavior.wrapUpTime=30s",
      "arrivals[sales-es].labels.vip=true",
    ]);
    expect(scenario.distributionPolicies[0]?.mode.maxConcurrentOffers).toBe(2);
    expect(scenario.distributionPolicies[0]?.mode.kind).toBe("bestWorker");
    expect(scenario.workers[2]?.behavior.wrapUpTime).toEqual({ kind: "constant", value: 30 });
    expect(scenario.workers[0]?.behavior).toEqual(scenarioOf([]).workers[0]?.behavior);
  });

  it("reads [key] on a map as a key, for keys that are not plain names", () => {
    const scenario = scenarioOf([
      'workers[0].labels["skill.level"]=5',
      "workers[0].labels[tier]=gold",
    ]);
    expect(scenario.workers[0]?.labels).toEqual({
      english: true,
      skillLevel: 8,
      "skill.level": 5,
      tier: "gold",
    });
  });

  it("replaces a whole map or list", () => {
    const scenario = scenarioOf([
      "distributionPolicies[0].mode={kind: roundRobin}",
      "workers[english-junior].queues=[sales, technical]",
    ]);
    expect(scenario.distributionPolicies[0]?.mode.kind).toBe("roundRobin");
    expect(scenario.workers[1]?.queues).toEqual(["sales", "technical"]);
  });

  it("applies overrides in order: of two at the same path the last wins", () => {
    expect(scenarioOf(["seed=7", "seed=8"]).seed).toBe(8);
    const scenario = scenarioOf([
      "distributionPolicies[0].mode.maxConcurrentOffers=3",
      "distributionPolicies[0].mode={kind: longestIdle}",
    ]);
    expect(scenario.distributionPolicies[0]?.mode.kind).toBe("longestIdle");
    expect(scenario.distributionPolicies[0]?.mode.maxConcurrentOffers).toBe(1);
  });

  it("resolves an id against the list as earlier overrides left it", () => {
    const scenario = scenarioOf([
      "workers[spanish].id=hispanic",
      "workers[hispanic].count=3",
      "workers[hispanic].queues=[sales]",
    ]);
    expect(scenario.workers[2]).toMatchObject({ id: "hispanic", count: 3, queues: ["sales"] });
  });

  it("leaves the parsed document untouched and shares no value with it", () => {
    const written = { seed: 1, workers: [{ id: "a", labels: { skill: 1 } }] };
    const before = structuredClone(written);
    const override = parseOverride("workers[a].labels={skill: 2, tier: [1, 2]}");
    const first = applyOverrides(written, [override]);
    const second = applyOverrides(written, [override, parseOverride("workers[0].count=2")]);
    expect(written).toEqual(before);
    expect(first.value).toEqual({
      seed: 1,
      workers: [{ id: "a", labels: { skill: 2, tier: [1, 2] } }],
    });
    const labelsOf = (value: Record<string, unknown>) =>
      (value.workers as { labels: unknown }[])[0]?.labels;
    expect(labelsOf(first.value)).not.toBe(override.value);
    expect(labelsOf(first.value)).not.toBe(labelsOf(second.value));
    expect(first.applied.map((entry) => entry.path)).toEqual([["workers", 0, "labels"]]);
  });

  it("forgets an override that a later one replaced, so problems name the later one", () => {
    const { applied } = applyOverrides({ mode: { kind: "a" } }, [
      parseOverride("mode.kind=b"),
      parseOverride("mode={kind: c}"),
      parseOverride("mode.max=2"),
    ]);
    expect(applied.map((entry) => entry.override.text)).toEqual(["mode={kind: c}", "mode.max=2"]);
  });
});

describe("loads like the file edited by hand", () => {
  it.each([
    [
      "a changed value",
      ["distributionPolicies[best-worker].offerExpiresAfterSeconds=60"],
      "offerExpiresAfterSeconds: 30",
      "offerExpiresAfterSeconds: 60",
    ],
    [
      "a new field",
      ["distributionPolicies[0].mode.maxConcurrentOffers=2"],
      "mode: { kind: bestWorker }",
      "mode: { kind: bestWorker, maxConcurrentOffers: 2 }",
    ],
    [
      "a replaced map",
      ["distributionPolicies[0].mode={kind: roundRobin}"],
      "mode: { kind: bestWorker }",
      "mode: { kind: roundRobin }",
    ],
    ["a count by id", ["workers[spanish].count=5"], "count: 8", "count: 5"],
    ["a duration", ["horizon=90m"], "horizon: 6h", "horizon: 90m"],
  ])("%s", (_, sets, from, to) => {
    const byHand = checkScenarioText(edited(from, to), "edited/multi-skill.yaml");
    if (!byHand.ok) throw new Error(byHand.issues.map(formatIssue).join("\n"));
    const overridden = scenarioOf(sets);
    expect(withoutSource(overridden)).toEqual(withoutSource(byHand.scenario));
    expect(withoutSource(overridden)).not.toEqual(withoutSource(scenarioOf([])));
  });
});

describe("paths that name nothing", () => {
  const workersLine = lineOf("workers:");

  it("an unknown id: located at the list, with the nearest id", () => {
    expect(problemLines(["workers[english-snior].count=48"])).toEqual([
      `${FILE}:${workersLine + 1}:3 workers: --set "workers[english-snior].count=48": no entry of workers has id "english-snior" (hint: did you mean "english-senior"?)`,
    ]);
  });

  it("an unknown id with no near one: the ids there are", () => {
    expect(problemLines(["workers[agnets].count=48"])).toEqual([
      `${FILE}:${workersLine + 1}:3 workers: --set "workers[agnets].count=48": no entry of workers has id "agnets" (hint: ids: english-senior, english-junior, spanish, bilingual)`,
    ]);
  });

  it("an index past the end", () => {
    expect(problemLines(["queues[2].name=x"])).toEqual([
      `${FILE}:${lineOf("queues:") + 1}:3 queues: --set "queues[2].name=x": queues has 2 entries, so there is no entry [2] (hint: use an index from 0 to 1, or an id: sales, technical)`,
    ]);
  });

  it("a path into a scalar, located at the scalar", () => {
    expect(problemLines(["horizon.x=1"])).toEqual([
      `${FILE}:${lineOf("horizon:")}:10 horizon: --set "horizon.x=1": horizon is "6h", not a map or a list, so it has no field "x" (hint: to replace it, use --set horizon=<value>)`,
    ]);
  });

  it("a name on a list, an index on a map, an entry of a list the file lacks", () => {
    const lines = problemLines([
      "queues.name=x",
      "workers[0].labels[0]=x",
      "workers[0].shifts[0].start=1h",
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(
      'queues: --set "queues.name=x": queues is a list, so it has no field "name" (hint: name an entry by [index] or [id]; ids: sales, technical)',
    );
    expect(lines[1]).toContain(
      'workers[0].shifts: --set "workers[0].shifts[0].start=1h": workers[0].shifts is not set, so it has no entry [0] (hint: set the whole list instead, e.g. --set workers[0].shifts=[…])',
    );
    expect(lines[2]).toContain(
      'workers[0].labels: --set "workers[0].labels[0]=x": workers[0].labels is a map, not a list, so it has no entry [0]',
    );
  });

  it("an id in a list whose entries have none", () => {
    expect(problemLines(["workers[0].channels[voice].capacityCostPerJob=2"])[0]).toContain(
      'no entry of workers[0].channels has id "voice" (hint: the entries of workers[0].channels have no id; use an index from 0 to 0)',
    );
  });

  it("reports every problem at once, with those of the other overrides", () => {
    expect(problemLines(["workers[x].count=1", "seed=abc", "queues[9].name=q"])).toHaveLength(3);
  });
});

describe("invalid values are reported by the ordinary checks, naming their --set", () => {
  const policyLine = lineOf("- id: best-worker");

  it("a value of the wrong type, at the original field", () => {
    expect(problemLines(["distributionPolicies[0].offerExpiresAfterSeconds=abc"])).toEqual([
      `${FILE}:${lineOf("offerExpiresAfterSeconds")}:31 distributionPolicies[0].offerExpiresAfterSeconds: expected a number, got "abc" (set by --set "distributionPolicies[0].offerExpiresAfterSeconds=abc")`,
    ]);
  });

  it("a value out of range, set by id", () => {
    expect(problemLines(["workers[spanish].count=-1"])).toEqual([
      `${FILE}:${lineOf("count: 8")}:12 workers[2].count: must be a positive whole number, got -1 (set by --set "workers[spanish].count=-1")`,
    ]);
  });

  it("an unknown field: at its nearest ancestor in the file, with the known fields", () => {
    expect(problemLines(["distributionPolicies[best-worker].offerExpiresAftr=60"])).toEqual([
      `${FILE}:${policyLine}:5 distributionPolicies[0].offerExpiresAftr: unknown field (set by --set "distributionPolicies[best-worker].offerExpiresAftr=60") (hint: known fields: id, name, offerExpiresAfterSeconds, mode)`,
    ]);
  });

  it("a misspelt name on the way: at the map the override created, naming the --set", () => {
    expect(problemLines(["distributionPolicies[0].mod.maxConcurrentOffers=2"])).toEqual([
      `${FILE}:${policyLine}:5 distributionPolicies[0].mod: unknown field (set by --set "distributionPolicies[0].mod.maxConcurrentOffers=2") (hint: did you mean "mode"?)`,
    ]);
  });

  it("__proto__ is an unknown field like any other, never the prototype", () => {
    const lines = problemLines(["__proto__.polluted=1", "workers[0].constructor.prototype.x=1"]);
    expect(lines.map((line) => line.split(" (hint")[0])).toEqual([
      `${FILE}:${lineOf("name: multi-skill")}:1 __proto__: unknown field (set by --set "__proto__.polluted=1")`,
      `${FILE}:${lineOf("- id: english-senior")}:5 workers[0].constructor: unknown field (set by --set "workers[0].constructor.prototype.x=1")`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("a problem inside a replaced map, at the map the file had", () => {
    expect(problemLines(["distributionPolicies[0].mode={kind: roundRobn}"])).toEqual([
      `${FILE}:${lineOf("mode: {")}:11 distributionPolicies[0].mode.kind: "roundRobn" is not an allowed value (set by --set "distributionPolicies[0].mode={kind: roundRobn}") (hint: did you mean "roundRobin"? allowed: longestIdle, roundRobin, bestWorker)`,
    ]);
  });

  it("a cross-reference and a consistency rule", () => {
    const lines = problemLines([
      "queues[sales].distributionPolicyId=best-workr",
      "distributionPolicies[0].mode.minConcurrentOffers=3",
    ]);
    expect(lines).toEqual([
      `${FILE}:${lineOf("mode: {")}:11 distributionPolicies[0].mode.minConcurrentOffers: minConcurrentOffers (3) must not exceed maxConcurrentOffers (1) (set by --set "distributionPolicies[0].mode.minConcurrentOffers=3")`,
      `${FILE}:${lineOf("distributionPolicyId: best-worker")}:27 queues[0].distributionPolicyId: unknown distribution policy "best-workr" (set by --set "queues[sales].distributionPolicyId=best-workr") (hint: did you mean "best-worker"?)`,
    ]);
  });

  it("problems of the file itself keep their message", () => {
    const broken = edited("capacity: 1\n    queues: [sales]", "capacity: 0\n    queues: [sales]");
    const result = check(["seed=3"], broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "must be a positive whole number, got 0",
    ]);
  });
});

describe("the source of an overridden scenario", () => {
  it("gives the overridden values and places them at the field they replaced", () => {
    const result = check(["workers[spanish].shifts=[{start: 7h, end: 8h}]"]);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.source.valueAt(["workers", 2, "shifts"])).toEqual([{ start: "7h", end: "8h" }]);
    expect(result.source.valueAt(["workers", 2, "count"])).toBe(8);
    expect(result.source.positionOf(["workers", 2, "shifts", 0, "start"])).toEqual({
      line: lineOf("- id: spanish"),
      column: 5,
    });
  });

  it("model warnings are computed on the overridden value and say where it came from", () => {
    const result = check(["workers[spanish].shifts=[{start: 7h, end: 8h}]"]);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    const warnings = modelWarnings(result.scenario, result.source).map((warning) =>
      formatWarning(noteOverrides(warning, result.source)),
    );
    expect(warnings).toEqual([
      `${FILE}:${lineOf("- id: spanish")}:5 warning: workers[2].shifts: every shift of these workers starts at or after the horizon (6h), when no more jobs arrive: they never serve a job that arrives in the run (set by --set "workers[spanish].shifts=[{start: 7h, end: 8h}]") (hint: shift times count from the start of the run; the horizon is 6h)`,
    ]);
  });

  it("problems found while running are marked too; those elsewhere are not", () => {
    const result = check(["workers[spanish].behavior={acceptProbability: 0.5}"]);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    const error = locateRunProblems(result.source, [
      { path: ["workers", 2, "behavior", "acceptProbability"], message: "stalled" },
      { path: ["workers", 1, "count"], message: "stalled too" },
    ]);
    expect(error.message.split("\n")).toEqual([
      `${FILE}:${lineOf("- id: spanish")}:5 workers[2].behavior.acceptProbability: stalled (set by --set "workers[spanish].behavior={acceptProbability: 0.5}")`,
      `${FILE}:${lineOf("count: 14")}:12 workers[1].count: stalled too`,
    ]);
  });
});
