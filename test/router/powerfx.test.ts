import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { RuleEvaluationError } from "../../src/powerfx/errors.ts";
import { formatNode, parseExpression } from "../../src/powerfx/parser.ts";
import { compileExpression } from "../../src/router/classification/rules/powerfx.ts";
import type { RuleValue } from "../../src/router/classification/rules/values.ts";
import { RouterConfigError } from "../../src/router/configuration/config-error.ts";
import { parsePowerFx } from "../../src/router/index.ts";
import { Router } from "../../src/router/router.ts";
import type { Labels } from "../../src/router/types.ts";
import { harness, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

function grouped(expression: string): string {
  return formatNode(parseExpression(expression));
}

function evaluate(expression: string, jobLabels: Labels = {}, workerLabels?: Labels): RuleValue {
  return compileExpression(expression).evaluate({ jobLabels, workerLabels: workerLabels ?? null });
}

describe("PowerFx parser precedence", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["(1 + 2) * 3", "((1 + 2) * 3)"],
    ["10 - 4 - 3", "((10 - 4) - 3)"],
    ["8 / 4 / 2", "((8 / 4) / 2)"],
    ["-2 * 3", "((-2) * 3)"],
    ["1 + 2 = 3", "((1 + 2) = 3)"],
    ['"a" & "b" = "ab"', '(("a" & "b") = "ab")'],
    ["1 + 2 & 3", "((1 + 2) & 3)"],
    ["a = 1 Or b = 2 And c = 3", ""],
    ["job.A = 1 Or job.B = 2 And job.C = 3", "((job.A = 1) || ((job.B = 2) && (job.C = 3)))"],
    ["job.A = 1 || job.B = 2 && job.C = 3", "((job.A = 1) || ((job.B = 2) && (job.C = 3)))"],
    ["Not job.A = 1", "((!job.A) = 1)"],
    ["!(job.A = 1)", "(!(job.A = 1))"],
    ["job.A <> 1 && job.B <= 2", "((job.A <> 1) && (job.B <= 2))"],
    ["If(job.A > 1, 10, 1)", "If((job.A > 1), 10, 1)"],
    ["job.'Some-Skill' >= 10", "(job.Some-Skill >= 10)"],
    ['{key: "Id", value: job.W}', '{key: "Id", value: job.W}'],
    ["[1, 2]", "[1, 2]"],
  ])("%s groups as %s", (expression, expected) => {
    if (expected === "") {
      expect(() => grouped(expression)).toThrow(/unknown name 'a'/);
    } else {
      expect(grouped(expression)).toBe(expected);
    }
  });
});

describe("PowerFx syntax errors carry the position", () => {
  it.each([
    ["If(job.A = 1, 2", 16, "expected ',' or ')'"],
    ["1 +", 4, "expected a value"],
    ["job.A = = 1", 9, "expected a value"],
    ["Foo(1)", 1, "unknown name 'Foo'"],
    ["IsBlank(1, 2)", 1, "IsBlank takes 1 argument"],
    ['"open', 1, "unterminated string"],
    ["job.A # 1", 7, "unexpected character '#'"],
    ["job.", 5, "expected a name after '.'"],
    ["1 2", 3, "expected the end of the expression"],
  ])("%s → position %i", (expression, position, reason) => {
    const result = parsePowerFx(expression);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(position);
    expect(result.message).toContain(reason);
    expect(result.message).toContain(`at position ${position}`);
  });

  it("accepts a well-formed expression", () => {
    const result = parsePowerFx('If(job.Escalated = true, 10, job.Language = "fr", 5, 1)');
    expect(result.ok).toBe(true);
  });

  it("a router configured with an unparsable rule throws RouterConfigError naming the position", () => {
    const build = () =>
      new Router(new Engine(), {
        distributionPolicies: [
          { id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
        ],
        queues: [{ id: "q", distributionPolicyId: "p" }],
        classificationPolicies: [
          {
            id: "c",
            prioritizationRule: { kind: "expression", expression: "If(job.A = 1, 2" },
          },
        ],
      });
    expect(build).toThrow(RouterConfigError);
    expect(build).toThrow(/classification policy c prioritizationRule.*at position 16/);
  });
});

describe("PowerFx evaluation", () => {
  it("does arithmetic with precedence", () => {
    expect(evaluate("1 + 2 * 3")).toBe(7);
    expect(evaluate("(1 + 2) * 3")).toBe(9);
    expect(evaluate("10 - 4 - 3")).toBe(3);
    expect(evaluate("-job.X + 1", { X: 5 })).toBe(-4);
  });

  it("reads job labels; a missing label is Blank", () => {
    expect(evaluate("job.Tier", { Tier: "gold" })).toBe("gold");
    expect(evaluate("job.Tier")).toBe(null);
    expect(evaluate("IsBlank(job.Tier)")).toBe(true);
    expect(evaluate("IsBlank(job.Tier)", { Tier: 0 })).toBe(false);
    expect(evaluate("job.Count + 1")).toBe(1);
    expect(evaluate("job.Tier = Blank()")).toBe(true);
    expect(evaluate('job.Tier = ""')).toBe(false);
  });

  it("compares values of one type only", () => {
    expect(evaluate("job.X = 5", { X: 5 })).toBe(true);
    expect(evaluate('job.X = "5"', { X: 5 })).toBe(false);
    expect(evaluate('job.X <> "5"', { X: 5 })).toBe(true);
    expect(evaluate('"apple" < "banana"')).toBe(true);
    expect(evaluate('job.X < "b"', { X: 1 })).toBe(false);
    expect(evaluate("job.X >= 10", { X: 10 })).toBe(true);
    expect(evaluate("job.Escalated = true", { Escalated: true })).toBe(true);
  });

  it("has keyword and symbol logic, short-circuiting", () => {
    expect(evaluate("true And false")).toBe(false);
    expect(evaluate("true Or false")).toBe(true);
    expect(evaluate("Not false")).toBe(true);
    expect(evaluate("!true || false")).toBe(false);
    expect(evaluate("And(true, true, false)")).toBe(false);
    expect(evaluate("Or(false, job.A = 1)", { A: 1 })).toBe(true);
    // The right side would divide by zero if it ran.
    expect(evaluate("false && 1 / 0 = 1")).toBe(false);
    expect(evaluate("true || 1 / 0 = 1")).toBe(true);
  });

  it("If picks the first true branch, the else branch, or Blank", () => {
    const rule = 'If(job.Escalated = true, 10, job.Language = "fr", 5, 1)';
    expect(evaluate(rule, { Escalated: true })).toBe(10);
    expect(evaluate(rule, { Language: "fr" })).toBe(5);
    expect(evaluate(rule, {})).toBe(1);
    expect(evaluate("If(false, 1)")).toBe(null);
  });

  it("concatenates text and reads worker labels when scoring", () => {
    expect(evaluate('"a" & 1 & true & job.None')).toBe("a1true");
    const compiled = compileExpression("worker.Skill * 2 + job.Bonus");
    expect(compiled.referencesWorker).toBe(true);
    expect(compiled.evaluate({ jobLabels: { Bonus: 1 }, workerLabels: { Skill: 4 } })).toBe(9);
    expect(compiled.evaluate({ jobLabels: { Bonus: 1 }, workerLabels: null })).toBe(1);
  });

  it("builds records and tables", () => {
    expect(evaluate('[{key: "Id", labelOperator: "equal", value: job.W}]', { W: "w1" })).toEqual([
      { key: "Id", labelOperator: "equal", value: "w1" },
    ]);
    expect(evaluate("{a: 1}.a")).toBe(1);
    expect(evaluate("{a: 1}.b")).toBe(null);
  });

  it("raises evaluation errors for impossible conversions", () => {
    expect(() => evaluate('"abc" + 1')).toThrow(RuleEvaluationError);
    expect(() => evaluate("1 / job.Zero", { Zero: 0 })).toThrow(/division by zero/);
    expect(evaluate('"2" + 1')).toBe(3);
  });
});

describe("PowerFx scoring rules (bestWorker)", () => {
  const scoring = (expression: string) =>
    harness(
      singleQueue(
        {
          kind: "bestWorker",
          maxConcurrentOffers: 3,
          scoringRule: { kind: "expression", expression },
        },
        [
          voiceWorker("a", { labels: { Skill: 2 } }),
          voiceWorker("b", { labels: { Skill: 9, Cost: 50 } }),
          voiceWorker("c", { labels: { Skill: 5, Cost: 5 } }),
        ],
      ),
    );

  it("ranks workers by the rule over job and worker labels, highest first", () => {
    const h = scoring("worker.Skill * 10 - If(job.Vip = true, 0, worker.Cost)");
    h.take();
    unwrap(h.router.upsertJob({ id: "plain", channelId: "voice", queueId: "q" }));
    // a: 20 − Blank = 20; b: 90 − 50 = 40; c: 50 − 5 = 45.
    expect(h.take().slice(2)).toEqual([
      "WorkerOfferIssued c plain",
      "WorkerOfferIssued b plain",
      "WorkerOfferIssued a plain",
    ]);
  });

  it("ranks a worker whose score cannot be computed last", () => {
    const h = scoring("100 / worker.Cost");
    h.take();
    unwrap(h.router.upsertJob({ id: "j", channelId: "voice", queueId: "q" }));
    // a: division by zero (Blank is 0), b: 2, c: 20.
    expect(h.take().slice(2)).toEqual([
      "WorkerOfferIssued c j",
      "WorkerOfferIssued b j",
      "WorkerOfferIssued a j",
    ]);
    const failing = scoring('worker.Skill + "x"');
    failing.take();
    unwrap(failing.router.upsertJob({ id: "j", channelId: "voice", queueId: "q" }));
    // Every score fails: all rank last together, in longest-idle (then id) order.
    expect(failing.take().slice(2)).toEqual([
      "WorkerOfferIssued a j",
      "WorkerOfferIssued b j",
      "WorkerOfferIssued c j",
    ]);
  });
});
