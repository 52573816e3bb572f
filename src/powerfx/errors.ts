/**
 * Errors of PowerFx routing rules: a syntax error found when the expression is parsed (with the
 * 1-based position of the offending character), and an evaluation error raised while a rule
 * runs on a job (a type that cannot be converted, a division by zero).
 */

/** The expression cannot be parsed; `position` is 1-based within the expression. */
export class PowerFxSyntaxError extends Error {
  override name = "PowerFxSyntaxError";

  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
  }
}

/** A rule could not be evaluated for a job; classification reports it as a failure. */
export class RuleEvaluationError extends Error {
  override name = "RuleEvaluationError";
}
