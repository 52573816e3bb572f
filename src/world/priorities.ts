/**
 * Priority classes of the world's engine events: among events at the same instant, lower fires
 * first (the router's own timers use class 0 and so come before all of these). Shift changes
 * come first, so a person whose shift ends at the instant they finish a job leaves instead of
 * being handed another. Then people answer, finish and close, freeing capacity before customers
 * give up, and new customers arrive last, so a job arriving at the very instant a worker frees
 * up finds that worker free.
 */
export const WorldPriority = {
  /** Shift starts and ends. */
  shift: 1,
  /** Answering an offer, completing, closing, unassigning, registering again. */
  workerAction: 2,
  /** A customer's patience runs out. */
  patience: 3,
  /** A new job arrives. */
  arrival: 4,
} as const;
