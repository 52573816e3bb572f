/**
 * Shared pieces of the router's differential property tests (fast-lane, job-template,
 * handle-operations): each drives two routers through the same random operations and asserts
 * that they said and answered the same. Here: the recorder of what a router said to its
 * observer, and random operations as a kind plus two numbers that pick their targets.
 */
import fc from "fast-check";
import { RouterObserverBase } from "../../src/router/events/observer.ts";

/** Records every observer call, with its arguments, as one line. */
export class RecordingObserver extends RouterObserverBase {
  readonly calls: string[] = [];
}
for (const name of Object.getOwnPropertyNames(RouterObserverBase.prototype)) {
  if (name === "constructor") continue;
  Object.defineProperty(RecordingObserver.prototype, name, {
    value(this: RecordingObserver, ...args: unknown[]) {
      this.calls.push(`${name}(${args.map((arg) => JSON.stringify(arg)).join(",")})`);
    },
  });
}

/** A random operation: its kind, and two numbers that choose what it acts on. */
export interface Operation<Kind extends string> {
  readonly kind: Kind;
  readonly a: number;
  readonly b: number;
}

/**
 * Random operations of the given kinds; a kind listed twice is drawn twice as often (the
 * weights are the list).
 */
export function operationArbitrary<Kind extends string>(
  kinds: readonly Kind[],
): fc.Arbitrary<Operation<Kind>> {
  return fc.record({ kind: fc.constantFrom(...kinds), a: fc.nat(1000), b: fc.nat(1000) });
}
