/**
 * The one `--target` parser of staff and erlang: the same text reads the same under both
 * grammars where both allow it, and every difference between the commands comes from the
 * grammar (metrics, scopes, value syntax, direction), never from a second parser.
 */
import { describe, expect, it } from "vitest";
import { ERLANG_TARGET_GRAMMAR } from "../../src/cli/erlang/erlang-target-option.ts";
import { STAFF_TARGET_GRAMMAR } from "../../src/cli/staff/target-text.ts";
import {
  numberOrPercentage,
  type ParsedTarget,
  parseTarget,
  suggestionFor,
  type TargetGrammar,
} from "../../src/cli/target-parser.ts";

/** Each command's parsing, the one parser under its grammar. */
const PARSERS: Record<string, (text: string) => ParsedTarget<string> | string> = {
  staff: (text) => parseTarget(text, STAFF_TARGET_GRAMMAR),
  erlang: (text) => parseTarget(text, ERLANG_TARGET_GRAMMAR),
};

/** A grammar of two metrics, queue scopes and plain numbers, to vary one part at a time. */
const TOY: TargetGrammar<"speed" | "cost"> = {
  metrics: ["speed", "cost"],
  scopeKinds: ["queue"],
  examples: 'e.g. "speed>=3"',
  valueOf: () => ({ read: numberOrPercentage, expected: "a number" }),
};

describe.each(Object.entries(PARSERS))("under %s's grammar", (_command, parse) => {
  it("reads an overall target the same way, with or without the scope, spaces or a percentage", () => {
    const expected = { scope: "overall", metric: "serviceLevel", operator: ">=", value: 0.8 };
    expect(parse("serviceLevel>=0.8")).toEqual({
      text: "serviceLevel>=0.8",
      ...expected,
    });
    expect(parse(" overall.serviceLevel >= 80% ")).toMatchObject(expected);
  });

  it.each([
    ["serviceLevel", /expected <metric><op><value> with op one of >=, <=, >, </],
    ["serviceLevel=0.8", /"=" is not a comparison a target can make: did you mean >= or <=\?$/],
    ["serviceLevel==0.8", /"==" is not a comparison a target can make: did you mean >= or <=\?$/],
    ["serviceLevel=>0.8", /did you mean >=\?$/],
    ["waitMean=<30", /did you mean <=\?$/],
    [">=0.8", /a metric name comes before the comparison/],
    ["team:a.serviceLevel>=0.8", /"team:a" is not a scope: use overall/],
    ["serviceLevel>=", /the value after the comparison must be /],
    ["serviceLevel>=high", /the value after the comparison must be /],
  ])("refuses %s in one line that quotes it", (text, message) => {
    const problem = parse(text);
    expect(typeof problem).toBe("string");
    expect(problem).toMatch(message);
    expect(problem).toMatch(
      new RegExp(`^--target ${JSON.stringify(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
    );
    expect(problem).not.toContain("\n");
  });
});

describe("the grammar's parts", () => {
  it("scopes: staff's queue and arrival ids (dots included), none for erlang's one queue", () => {
    expect(parseTarget("arrival:voice.en.serviceLevel>=0.8", STAFF_TARGET_GRAMMAR)).toMatchObject({
      scope: "arrival:voice.en",
      metric: "serviceLevel",
    });
    expect(parseTarget("queue:.serviceLevel>=0.8", STAFF_TARGET_GRAMMAR)).toMatch(
      /"queue:" is not a scope: use overall, queue:<id> or arrival:<id> before the metric/,
    );
    expect(parseTarget("queue:a.serviceLevel>=0.8", ERLANG_TARGET_GRAMMAR)).toMatch(
      /"queue:a" is not a scope: use overall before the metric/,
    );
    expect(parseTarget("arrival:a.speed>=1", TOY)).toMatch(
      /"arrival:a" is not a scope: use overall or queue:<id> before the metric/,
    );
  });

  it("metrics: any of summary.json for staff; the formulas' for erlang, said as such", () => {
    expect(parseTarget("waitP90<=60", STAFF_TARGET_GRAMMAR)).toMatchObject({ metric: "waitP90" });
    expect(parseTarget("waitP90<=60", ERLANG_TARGET_GRAMMAR)).toMatch(
      /"waitP90" is not a metric the Erlang formulas give \(metrics: serviceLevel, waitMean, probabilityOfDelay, abandonmentRate, occupancy\)$/,
    );
    expect(parseTarget("sped>=1", TOY)).toMatch(
      /unknown metric "sped" \(did you mean "speed"\?\)$/,
    );
  });

  it("values: staff's plain numbers, erlang's shares within 0…1 and durations", () => {
    expect(parseTarget("waitMean<=30", STAFF_TARGET_GRAMMAR)).toMatchObject({ value: 30 });
    expect(parseTarget("waitMean<=30s", STAFF_TARGET_GRAMMAR)).toMatch(
      /must be a number or a percentage/,
    );
    expect(parseTarget("waitMean<=30s", ERLANG_TARGET_GRAMMAR)).toMatchObject({ value: 30 });
    expect(parseTarget("waitMean<=2m", ERLANG_TARGET_GRAMMAR)).toMatchObject({ value: 120 });
    expect(parseTarget("serviceLevel>=1.2", STAFF_TARGET_GRAMMAR)).toMatchObject({ value: 1.2 });
    expect(parseTarget("serviceLevel>=1.2", ERLANG_TARGET_GRAMMAR)).toMatch(
      /must be a share between 0 and 1/,
    );
  });

  it("direction: erlang's targets must point the way more agents move them, staff's need not", () => {
    expect(parseTarget("serviceLevel<=0.8", STAFF_TARGET_GRAMMAR)).toMatchObject({
      operator: "<=",
    });
    expect(parseTarget("serviceLevel<=0.8", ERLANG_TARGET_GRAMMAR)).toMatch(
      /serviceLevel rises as agents are added, so only >= or > asks for a fewest count$/,
    );
    expect(parseTarget("occupancy>0.5", ERLANG_TARGET_GRAMMAR)).toMatch(
      /occupancy falls as agents are added, so only <= or < asks for a fewest count$/,
    );
  });
});

describe("helpers", () => {
  it("numberOrPercentage reads numbers and percentages, nothing else", () => {
    expect(numberOrPercentage("0.8")).toBe(0.8);
    expect(numberOrPercentage("80 %")).toBeCloseTo(0.8, 12);
    expect(numberOrPercentage("-5")).toBe(-5);
    for (const text of ["", "%", "x", "1e999", "NaN", "0.8.1"]) {
      expect(numberOrPercentage(text)).toBeUndefined();
    }
  });

  it("suggestionFor names the nearest candidate, else lists them", () => {
    expect(suggestionFor("suport", ["support", "sales"], "queues")).toBe('did you mean "support"?');
    expect(suggestionFor("zzz", ["support", "sales"], "queues")).toBe("queues: support, sales");
  });
});
