/**
 * Priority classes of the world's engine events: among events at the same instant, lower fires
 * first (the router's own timers use class 0 and so come before all of these). The order is
 * cause before demand: people finishing or answering free capacity before shifts change, then
 * customers give up, and new customers arrive last, so a job arriving at the very instant a
 * worker frees up finds that worker free.
 */
export const WorldPriority = {
  /** Answering an offer, completing, closing, unassigning, registering again. */
  workerAction: 1,
  /** Shift starts and ends. */
  shift: 2,
  /** A customer's patience runs out. */
  patience: 3,
  /** A new job arrives. */
  arrival: 4,
} as const;
