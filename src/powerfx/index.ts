/**
 * The PowerFx subset of Job Router rules (`expression` RouterRules): lexer, parser and syntax
 * check. A leaf module with no imports from the rest of ccsim, so that the scenario loader can
 * reject an unparsable expression with its position and the router can compile it.
 */
import { PowerFxSyntaxError } from "./errors.ts";
import { parseExpression } from "./parser.ts";

export { PowerFxSyntaxError, RuleEvaluationError } from "./errors.ts";
export { type BinaryOperator, formatNode, type PowerFxNode, parseExpression } from "./parser.ts";

/** The outcome of a syntax check: ok, or the message and 1-based position of the error. */
export type PowerFxSyntaxCheck = { ok: true } | { ok: false; message: string; position: number };

/** Checks an expression's syntax without throwing. */
export function checkPowerFxSyntax(expression: string): PowerFxSyntaxCheck {
  try {
    parseExpression(expression);
    return { ok: true };
  } catch (error) {
    if (error instanceof PowerFxSyntaxError) {
      return { ok: false, message: error.message, position: error.position };
    }
    throw error;
  }
}
