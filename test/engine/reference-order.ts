/**
 * The engine's firing order as the property tests' reference models state it, plainly: events
 * fire by time, then priority class, then the order they were scheduled in.
 */

/** An event of a reference model; `label` is what its handler receives. */
export interface ModelEvent {
  readonly time: number;
  readonly priorityClass: number;
  readonly sequence: number;
  readonly label: number;
}

/** Negative when `a` fires before `b`: by (time, priority class, sequence). */
export function compareFiringOrder(a: ModelEvent, b: ModelEvent): number {
  return a.time - b.time || a.priorityClass - b.priorityClass || a.sequence - b.sequence;
}

/** The event that fires first of a non-empty model. */
export function firstToFire(model: readonly ModelEvent[]): ModelEvent {
  return model.reduce((least, event) => (compareFiringOrder(event, least) < 0 ? event : least));
}
