/**
 * The one way tests run fast-check properties (a lint-like test forbids `fc.assert` elsewhere).
 * Every run has a fixed seed unless given one, and a wall-time limit that FAILS the test when
 * hit — fast-check's default counts an interrupted run as a pass. fast-check can stop only
 * between runs; a synchronous run that never returns cannot be interrupted, so properties that
 * simulate bound their own work (see `runScenario`'s event budget in test/world/harness.ts).
 */
import fc from "fast-check";

/** Fixed default seed: a failure reproduces on the next run and on every machine. */
export const DEFAULT_SEED = 20261130;

/**
 * Default wall-time budget of one property, in seconds. Far above what any property needs
 * unloaded (the slowest takes a few seconds), so only a real hang or a runaway slowdown hits
 * it, and below the test timeout (vitest.config.ts), so the failure names the property.
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

/** fast-check parameters plus the time limit; `plugins` are kept and the limit is appended. */
export interface PropertyOptions<Ts> extends fc.Parameters<Ts> {
  /** Wall-time budget; when hit, the test fails with fast-check's "interrupted" report. */
  readonly timeLimitSeconds?: number;
}

/** Runs `fc.assert` with a fixed seed and a time limit that fails when hit. */
export function assertProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  options?: PropertyOptions<Ts>,
): Promise<void>;
export function assertProperty<Ts>(property: fc.IProperty<Ts>, options?: PropertyOptions<Ts>): void;
export function assertProperty<Ts>(
  property: fc.IRawProperty<Ts>,
  options: PropertyOptions<Ts> = {},
): Promise<void> | void {
  const { timeLimitSeconds = DEFAULT_TIME_LIMIT_SECONDS, ...parameters } = options;
  // The plugin never looks at the values, so it serves a property of any type.
  const limit = fc.interruptAfterTimeLimit(timeLimitSeconds * 1000, {
    failOnInterrupt: true,
  }) as fc.Plugin<Ts>;
  return fc.assert(property, {
    seed: DEFAULT_SEED,
    ...parameters,
    plugins: [...(parameters.plugins ?? []), limit],
  });
}
