import { describe, expect, it } from "vitest";
import {
  isSelectorSatisfied,
  toWorkerSelectors,
} from "../../src/router/classification/selectors.ts";
import { compareCodePoints } from "../../src/router/code-point.ts";
import {
  defaultWorkerScore,
  labelMatchScore,
  logistic,
} from "../../src/router/distribution/scoring.ts";
import type { LabelOperator, LabelValue } from "../../src/router/types.ts";

describe("code-point order", () => {
  it("agrees with < on BMP strings and puts astral characters after U+E000–U+FFFF", () => {
    expect(compareCodePoints("a", "b")).toBeLessThan(0);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("same", "same")).toBe(0);
    const astral = "\u{1F600}"; // U+1F600, a surrogate pair in UTF-16
    const privateUse = "\uFF21"; // U+FF21
    expect(astral < privateUse).toBe(true); // UTF-16 code-unit order gets this wrong
    expect(compareCodePoints(astral, privateUse)).toBeGreaterThan(0);
    expect(compareCodePoints("\u{10000}", "\u{10001}")).toBeLessThan(0);
  });
});

describe("selectors", () => {
  const cases: [LabelOperator, LabelValue, LabelValue, boolean][] = [
    ["equal", 5, 5, true],
    ["equal", 5, "5", false],
    ["notEqual", 5, 6, true],
    ["notEqual", "5", 5, true],
    ["lessThan", 4, 5, true],
    ["lessThan", 5, 5, false],
    ["lessThanOrEqual", 5, 5, true],
    ["greaterThan", 6, 5, true],
    ["greaterThan", "6", 5, false],
    ["greaterThanOrEqual", 5, 5, true],
    ["greaterThanOrEqual", 4, 5, false],
    ["lessThan", "apple", "banana", true],
    ["greaterThan", "\u{1F600}", "\uFF21", true],
    ["lessThan", true, false, false],
  ];
  it.each(cases)("%s: label %j vs %j → %s", (labelOperator, labelValue, value, expected) => {
    expect(isSelectorSatisfied({ key: "k", labelOperator, value }, { k: labelValue })).toBe(
      expected,
    );
  });

  it("a missing label satisfies only notEqual", () => {
    for (const labelOperator of ["equal", "lessThan", "greaterThanOrEqual"] as const) {
      expect(isSelectorSatisfied({ key: "k", labelOperator, value: 1 }, {})).toBe(false);
    }
    expect(isSelectorSatisfied({ key: "k", labelOperator: "notEqual", value: 1 }, {})).toBe(true);
    expect(isSelectorSatisfied({ key: "toString", labelOperator: "equal", value: 1 }, {})).toBe(
      false,
    );
  });

  it("records expiry times from the given clock", () => {
    const [selector] = toWorkerSelectors(
      [{ key: "k", labelOperator: "equal", value: 1, expiresAfterSeconds: 45 }],
      10,
    );
    expect(selector).toMatchObject({ status: "active", expiresAtSeconds: 55, expedite: false });
  });
});

describe("default best-worker scoring", () => {
  it("example 1: label matches", () => {
    const job = { language: "english", department: "sales" };
    expect(labelMatchScore(job, { language: "english", department: "sales" })).toBe(1);
    expect(labelMatchScore(job, { language: "english" })).toBe(0.5);
    expect(labelMatchScore(job, { language: "english", department: "support" })).toBe(0.5);
  });

  it("example 2: equal and notEqual, a missing key satisfies notEqual", () => {
    const selectors = toWorkerSelectors(
      [
        { key: "department", labelOperator: "equal", value: "billing" },
        { key: "segment", labelOperator: "notEqual", value: "vip" },
      ],
      0,
    );
    const score = (labels: Record<string, string>) => defaultWorkerScore({}, selectors, [], labels);
    expect(score({ department: "billing", segment: "vip" })).toBe(0.5);
    expect(score({ department: "billing" })).toBe(1);
    expect(score({ department: "sales", segment: "new" })).toBe(0.5);
  });

  it("example 3: logistic terms for ordered operators", () => {
    const selectors = toWorkerSelectors(
      [
        { key: "language", labelOperator: "equal", value: "french" },
        { key: "sales", labelOperator: "greaterThanOrEqual", value: 10 },
        { key: "cost", labelOperator: "lessThanOrEqual", value: 10 },
      ],
      0,
    );
    const score = (sales: number, cost: number) =>
      defaultWorkerScore({}, selectors, [], { language: "french", sales, cost });
    expect(score(10, 10)).toBeCloseTo(2 / 3, 12);
    expect(score(15, 10)).toBeCloseTo((1 + logistic(0.5) + 0.5) / 3, 12);
    expect(score(15, 10)).toBeCloseTo(0.707486, 6);
    expect(score(10, 9)).toBeCloseTo(0.674993, 6);
  });

  it("averages the label and selector parts when a job has both", () => {
    const selectors = toWorkerSelectors([{ key: "a", labelOperator: "equal", value: 1 }], 0);
    expect(defaultWorkerScore({ b: 2 }, selectors, [], { a: 1 })).toBe(0.5);
    expect(defaultWorkerScore({}, [], [], { a: 1 })).toBe(0);
  });
});
