/**
 * PowerFx routing expressions: parse once (at configuration) into a tree of closures, evaluate
 * per job without re-parsing. `job.X` reads the job's label X and `worker.X` the worker's (when
 * scoring); a missing label is Blank. `If` and `And`/`Or` evaluate only the branches they need.
 * `parsePowerFx` compiles without throwing (it returns the syntax error); the scenario loader
 * checks syntax with `checkPowerFxSyntax` of `powerfx/` instead, since it may not import router/.
 */

import { PowerFxSyntaxError, RuleEvaluationError } from "../../../powerfx/errors.ts";
import { type BinaryOperator, type PowerFxNode, parseExpression } from "../../../powerfx/parser.ts";
import type { Labels } from "../../types.ts";
import { labelOf } from "../selectors.ts";
import {
  compareValues,
  fieldOf,
  type RuleContext,
  type RuleRecord,
  type RuleValue,
  toBoolean,
  toNumber,
  toText,
  valuesEqual,
} from "./values.ts";

/** A compiled expression. */
export type Evaluate = (context: RuleContext) => RuleValue;

/** A parsed and compiled PowerFx expression. */
export interface CompiledExpression {
  readonly evaluate: Evaluate;
  /** Whether the expression reads `worker` (meaningful only in scoring rules). */
  readonly referencesWorker: boolean;
}

/** Outcome of `parsePowerFx`: the compiled expression, or the reason and its 1-based position. */
export type PowerFxParseResult =
  | { readonly ok: true; readonly expression: CompiledExpression }
  | { readonly ok: false; readonly message: string; readonly position: number };

/**
 * Parses and compiles a PowerFx routing expression. Returns the syntax error (with its 1-based
 * position) instead of throwing, so a loader can report it against the scenario field.
 */
export function parsePowerFx(expression: string): PowerFxParseResult {
  try {
    return { ok: true, expression: compileExpression(expression) };
  } catch (error) {
    if (error instanceof PowerFxSyntaxError) {
      return { ok: false, message: error.message, position: error.position };
    }
    throw error;
  }
}

/** Parses and compiles; throws `PowerFxSyntaxError`. */
export function compileExpression(expression: string): CompiledExpression {
  const state = { referencesWorker: false };
  const evaluate = compileNode(parseExpression(expression), state);
  return { evaluate, referencesWorker: state.referencesWorker };
}

function compileNode(node: PowerFxNode, state: { referencesWorker: boolean }): Evaluate {
  const compile = (child: PowerFxNode) => compileNode(child, state);
  switch (node.type) {
    case "literal": {
      const value = node.value;
      return () => value;
    }
    case "scope":
      if (node.scope === "worker") state.referencesWorker = true;
      return node.scope === "job"
        ? (context) => context.jobLabels as RuleRecord
        : (context) => (context.workerLabels ?? null) as RuleValue;
    case "field":
      return compileField(node.object, node.field, compile, state);
    case "unary": {
      const operand = compile(node.operand);
      if (node.operator === "!") return (context) => !toBoolean(operand(context));
      if (node.operator === "-") return (context) => -toNumber(operand(context));
      return (context) => toNumber(operand(context));
    }
    case "binary":
      return compileBinary(node.operator, compile(node.left), compile(node.right));
    case "call":
      return compileCall(node.name, node.args.map(compile));
    case "record": {
      const fields = node.fields.map(([field, value]) => [field, compile(value)] as const);
      return (context) => {
        const record: Record<string, RuleValue> = {};
        for (const [field, value] of fields) record[field] = value(context);
        return record;
      };
    }
    case "table": {
      const items = node.items.map(compile);
      return (context) => items.map((item) => item(context));
    }
  }
}

/** `job.X` and `worker.X` read labels directly; other field accesses read records. */
function compileField(
  object: PowerFxNode,
  field: string,
  compile: (node: PowerFxNode) => Evaluate,
  state: { referencesWorker: boolean },
): Evaluate {
  if (object.type === "scope") {
    if (object.scope === "job") return (context) => labelOrBlank(context.jobLabels, field);
    state.referencesWorker = true;
    return (context) =>
      context.workerLabels === null ? null : labelOrBlank(context.workerLabels, field);
  }
  const inner = compile(object);
  return (context) => fieldOf(inner(context), field);
}

function labelOrBlank(labels: Labels, key: string): RuleValue {
  return labelOf(labels, key) ?? null;
}

function compileBinary(operator: BinaryOperator, left: Evaluate, right: Evaluate): Evaluate {
  switch (operator) {
    case "||":
      return (context) => toBoolean(left(context)) || toBoolean(right(context));
    case "&&":
      return (context) => toBoolean(left(context)) && toBoolean(right(context));
    case "=":
      return (context) => valuesEqual(left(context), right(context));
    case "<>":
      return (context) => !valuesEqual(left(context), right(context));
    case "<":
      return (context) => compareValues(left(context), right(context)) < 0;
    case "<=":
      return (context) => compareValues(left(context), right(context)) <= 0;
    case ">":
      return (context) => compareValues(left(context), right(context)) > 0;
    case ">=":
      return (context) => compareValues(left(context), right(context)) >= 0;
    case "&":
      return (context) => toText(left(context)) + toText(right(context));
    case "+":
      return (context) => toNumber(left(context)) + toNumber(right(context));
    case "-":
      return (context) => toNumber(left(context)) - toNumber(right(context));
    case "*":
      return (context) => toNumber(left(context)) * toNumber(right(context));
    case "/":
      return (context) => {
        const divisor = toNumber(right(context));
        if (divisor === 0) throw new RuleEvaluationError("division by zero");
        return toNumber(left(context)) / divisor;
      };
  }
}

function compileCall(name: string, args: readonly Evaluate[]): Evaluate {
  switch (name) {
    case "If":
      return compileIf(args);
    case "IsBlank": {
      const [value] = args as [Evaluate];
      return (context) => {
        const result = value(context);
        return result === null || result === "";
      };
    }
    case "Blank":
      return () => null;
    case "And":
      return (context) => args.every((arg) => toBoolean(arg(context)));
    case "Or":
      return (context) => args.some((arg) => toBoolean(arg(context)));
    case "Not": {
      const [value] = args as [Evaluate];
      return (context) => !toBoolean(value(context));
    }
    default:
      return (context) => args.map((arg) => arg(context));
  }
}

/** `If(c1, v1, c2, v2, …, [else])`: the first true condition's value, else `else` or Blank. */
function compileIf(args: readonly Evaluate[]): Evaluate {
  return (context) => {
    let index = 0;
    for (; index + 1 < args.length; index += 2) {
      if (toBoolean((args[index] as Evaluate)(context))) {
        return (args[index + 1] as Evaluate)(context);
      }
    }
    return index < args.length ? (args[index] as Evaluate)(context) : null;
  };
}
