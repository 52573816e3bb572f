/**
 * Empty arrays for objects (or strings), born with V8's general elements kind.
 *
 * A `[]` literal starts as an array of small integers, and the first object pushed into it
 * changes its elements kind. Code optimized in an earlier replication (or an earlier run in the
 * same process) pushed into arrays of the general kind, so each such push site of a new
 * replication deoptimized once ("not a Smi") and its functions were compiled again: about
 * thirty functions per replication, 9–16% of the CPU of a bench case's timed replication
 * (docs/router-performance.md). An array that held an object keeps the general kind when
 * emptied, so one born as `[null]` and popped behaves like `[]` in every other respect.
 */
export function objectArray<T>(): T[] {
  const items: unknown[] = [null];
  items.pop();
  return items as T[];
}

/**
 * `items.map(map)` into an array born with the general elements kind (`objectArray`):
 * `Array.prototype.map` makes arrays whose elements kind depends on whether its caller was
 * optimized at the time, so records built early and late in a run carried arrays of two
 * kinds, and code reading them deoptimized ("wrong map") when the other kind came by.
 */
export function mapToObjectArray<S, T>(items: readonly S[], map: (item: S) => T): T[] {
  const mapped = objectArray<T>();
  for (let i = 0; i < items.length; i++) mapped.push(map(items[i] as S));
  return mapped;
}
