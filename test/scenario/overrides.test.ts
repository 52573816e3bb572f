/**
 * Parsing `--set <path>=<value>`: paths of names, indices, ids and quoted ids; values of every
 * YAML type; malformed texts rejected as one-line UsageErrors that quote the text; and the
 * canonical name of an override (formatOverride) that parses back to the same override.
 */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { formatOverride, parseOverride } from "../../src/scenario/index.ts";

function usageMessage(text: string): string {
  try {
    parseOverride(text);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe("override paths", () => {
  it("reads a top-level field", () => {
    expect(parseOverride("seed=7")).toEqual({ text: "seed=7", path: ["seed"], value: 7 });
  });

  it("reads indices, ids and nested names", () => {
    expect(parseOverride("distributionPolicies[0].offerExpiresAfterSeconds=60").path).toEqual([
      "distributionPolicies",
      0,
      "offerExpiresAfterSeconds",
    ]);
    expect(parseOverride("workers[agents].count=48").path).toEqual([
      "workers",
      { id: "agents" },
      "count",
    ]);
    expect(
      parseOverride("distributionPolicies[voice-policy].mode.maxConcurrentOffers=2").path,
    ).toEqual(["distributionPolicies", { id: "voice-policy" }, "mode", "maxConcurrentOffers"]);
  });

  it("takes anything but brackets as an unquoted id, and digits as an index", () => {
    expect(parseOverride("queues[sales.tier-1_b].labels.x=1").path[1]).toEqual({
      id: "sales.tier-1_b",
    });
    expect(parseOverride("queues[a=b].labels.x=1").path[1]).toEqual({ id: "a=b" });
    expect(parseOverride("queues[12].labels.x=1").path[1]).toBe(12);
    expect(parseOverride("queues[-1].labels.x=1").path[1]).toEqual({ id: "-1" });
  });

  it("reads quoted ids, which are ids even when made of digits", () => {
    expect(parseOverride('workers["7"].count=1').path[1]).toEqual({ id: "7" });
    expect(parseOverride('workers["a ]\\"b"].count=1').path[1]).toEqual({ id: 'a ]"b' });
    expect(parseOverride("workers['voice policy'].count=1").path[1]).toEqual({
      id: "voice policy",
    });
  });

  it("splits at the first = after the path, so values may hold =", () => {
    const override = parseOverride('name=a=b "c"');
    expect(override.path).toEqual(["name"]);
    expect(override.value).toBe('a=b "c"');
  });
});

describe("override values are YAML", () => {
  it.each([
    ["60s", "60s"],
    ["48", 48],
    ["0.25", 0.25],
    ["-1", -1],
    ["true", true],
    ["false", false],
    ["null", null],
    ['"48"', "48"],
    ['""', ""],
    ["multi skill", "multi skill"],
    ["[sales, technical]", ["sales", "technical"]],
    ["{kind: roundRobin}", { kind: "roundRobin" }],
    [
      "{ kind: bestWorker, maxConcurrentOffers: 2 }",
      { kind: "bestWorker", maxConcurrentOffers: 2 },
    ],
    ["[{start: 0, end: 4h}]", [{ start: 0, end: "4h" }]],
  ])("%s", (valueText, expected) => {
    expect(parseOverride(`field=${valueText}`).value).toEqual(expected);
  });
});

describe("malformed overrides", () => {
  it("says what form is expected and quotes the text", () => {
    expect(usageMessage("workers[agents]count=4")).toBe(
      '--set "workers[agents]count=4": expected <path>=<value>, e.g. workers[agents].count=48 (after "workers[agents]", expected ".name", "[index]", "[id]" or "=")',
    );
    expect(usageMessage("seed")).toBe(
      '--set "seed": expected <path>=<value>, e.g. workers[agents].count=48',
    );
  });

  it.each([
    ["no path", "=7", "the path starts with a field name"],
    ["a path starting with a bracket", "[0].count=1", "the path starts with a field name"],
    ["an empty bracket", "workers[].count=1", '(after "workers", expected [index] or [id]'],
    ["an unclosed bracket", "workers[agents.count=1", '(after "workers", expected [index] or [id]'],
    ["a nested bracket", "workers[a[b]].count=1", "expected [index] or [id] with a closing ]"],
    ["an unclosed quoted id", 'workers["agents].count=1', 'a quoted id closed by "]'],
    ["a dot without a name", "workers[0]..count=1", 'expected a field name after "."'],
    ["a trailing dot", "seed.=1", 'expected a field name after "."'],
    ["a space in the path", "workers [0].count=1", '(after "workers", expected ".name"'],
    ["an index too large", "workers[123456789012345678901].count=1", "an index of a few digits"],
  ])("rejects %s", (_, text, detail) => {
    const message = usageMessage(text);
    expect(message.startsWith(`--set ${JSON.stringify(text)}: expected <path>=<value>`)).toBe(true);
    expect(message).toContain(detail);
    expect(message).not.toContain("\n");
  });

  it.each(["seed=", "seed=   ", "workers[agents].count="])(
    "rejects the empty value of %s",
    (text) => {
      expect(usageMessage(text)).toBe(
        `--set ${JSON.stringify(text)}: the value after "=" is empty (e.g. workers[agents].count=48; name="" sets an empty string)`,
      );
    },
  );

  it("rejects a value that is not valid YAML, in one line", () => {
    const message = usageMessage("queues=[sales, technical");
    expect(message).toMatch(/^--set "queues=\[sales, technical": the value is not valid YAML \(/);
    expect(message).not.toContain("\n");
    expect(usageMessage("mode={kind: a, kind: b}")).toContain("the value is not valid YAML");
  });
});

describe("formatOverride", () => {
  it.each([
    ["seed=7", "seed=7"],
    ["workers[ agents ].count= 48", "workers[ agents ].count=48"],
    ['workers["agents"].count=48', "workers[agents].count=48"],
    ['workers["7"].count=48', 'workers["7"].count=48'],
    [
      "distributionPolicies[0].mode={kind:   roundRobin}",
      "distributionPolicies[0].mode={ kind: roundRobin }",
    ],
    ["name='true'", 'name="true"'],
    ["queues=[a,b]", "queues=[ a, b ]"],
  ])("names %s as %s", (text, name) => {
    expect(formatOverride(parseOverride(text))).toBe(name);
  });

  it.each([
    "workers[agents].count=48",
    'workers["a.b c"].labels.skill=9',
    "distributionPolicies[0].mode={kind: bestWorker, maxConcurrentOffers: 2}",
    "horizon=2h",
    'name="48"',
  ])("%s parses back to the same path and value", (text) => {
    const override = parseOverride(text);
    const again = parseOverride(formatOverride(override));
    expect(again.path).toEqual(override.path);
    expect(again.value).toEqual(override.value);
  });
});
