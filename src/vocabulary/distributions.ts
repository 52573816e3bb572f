/**
 * The distributions a scenario may use (scenario contract, `DistributionSpec`), declared once
 * as kinds with their parameters and each parameter's domain. The `DistributionSpec` type, the
 * scenario schema (`scenario/schema-primitives.ts`) and the sampler factory
 * (`random/create-distribution.ts`, one builder per kind, checked by the compiler) derive from
 * `DISTRIBUTION_PARAMETERS`. Times are in seconds once a scenario is loaded.
 */
import { keysOf } from "./registry-keys.ts";

/**
 * The values a parameter may take: `duration` ≥ 0 s, `positiveDuration` > 0 s,
 * `positiveNumber` > 0 (a shape), `positiveInteger` ≥ 1 (a count of phases), `durationList` a
 * non-empty list of durations ≥ 0 s.
 */
export type DistributionParameterDomain =
  | "duration"
  | "positiveDuration"
  | "positiveNumber"
  | "positiveInteger"
  | "durationList";

/** Every distribution kind with its parameters, in the order the scenario format lists them. */
export const DISTRIBUTION_PARAMETERS = {
  constant: { value: "duration" },
  exponential: { mean: "positiveDuration" },
  uniform: { min: "duration", max: "duration" },
  triangular: { min: "duration", mode: "duration", max: "duration" },
  normal: { mean: "duration", sd: "duration" },
  lognormal: { mean: "positiveDuration", sd: "duration" },
  gamma: { mean: "positiveDuration", sd: "duration" },
  erlang: { k: "positiveInteger", mean: "positiveDuration" },
  weibull: { shape: "positiveNumber", scale: "positiveDuration" },
  empirical: { values: "durationList" },
} as const satisfies Record<string, Record<string, DistributionParameterDomain>>;

type Parameters = typeof DISTRIBUTION_PARAMETERS;

/** One distribution kind, by its scenario name. */
export type DistributionKind = keyof Parameters;

/** The run-time value of a parameter of the given domain. */
type ParameterValue<Domain> = Domain extends "durationList" ? number[] : number;

/** Merges an intersection into one object type (for readable types in editors and errors). */
type Merge<T> = { [Key in keyof T]: T[Key] };

/** The spec of one kind: `{ kind, ...parameters }`. */
export type DistributionSpecOf<Kind extends DistributionKind> = Merge<
  { kind: Kind } & {
    -readonly [Name in keyof Parameters[Kind]]: ParameterValue<Parameters[Kind][Name]>;
  }
>;

/** A distribution as written in a scenario, after durations are converted to seconds. */
export type DistributionSpec = {
  [Kind in DistributionKind]: DistributionSpecOf<Kind>;
}[DistributionKind];

/** The kinds in the scenario format's order. */
export const DISTRIBUTION_KINDS = keysOf(DISTRIBUTION_PARAMETERS);
