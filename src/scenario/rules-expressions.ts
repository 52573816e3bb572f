/**
 * Rule: every `expression` RouterRule (scoring rules, prioritization rules, conditions and rule
 * engines of attachments) must parse as the PowerFx subset the router evaluates, so a typo in an
 * expression is reported at load time with its position instead of failing the run. The walk
 * is generic: any object with `kind: expression` and a string `expression`, at any depth.
 */
import { checkPowerFxSyntax } from "../powerfx/index.ts";
import type { PathSegment } from "./document.ts";
import type { RuleInput, RuleIssue } from "./rule-input.ts";

const LISTS_WITH_RULES = ["distributionPolicies", "classificationPolicies"] as const;

/** Issues for every expression that does not parse. */
export function expressionRules(input: RuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const list of LISTS_WITH_RULES) {
    for (const { index, value } of input[list]) visit(value, [list, index], issues);
  }
  return issues;
}

function visit(value: unknown, path: PathSegment[], issues: RuleIssue[]): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) visit(item, [...path, index], issues);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if (record.kind === "expression" && typeof record.expression === "string") {
    const check = checkPowerFxSyntax(record.expression);
    if (!check.ok) {
      issues.push({
        path: [...path, "expression"],
        message: `PowerFx syntax error: ${check.message}`,
        hint: `supported: job.<Label>, worker.<Label>, literals, = <> < <= > >=, And/Or/Not, + - * /, If, IsBlank`,
      });
    }
    return;
  }
  for (const [key, child] of Object.entries(record)) visit(child, [...path, key], issues);
}
