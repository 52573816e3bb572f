/**
 * Public face of `theory/`: closed-form and numerically exact queueing formulas (Erlang B, C,
 * A and Cobham's priority waits), pure functions with rates per second and times in seconds.
 */
export { type ErlangAResult, erlangA } from "./erlang-a.ts";
export { erlangB } from "./erlang-b.ts";
export {
  type ErlangCResult,
  erlangC,
  erlangCProbabilityOfWait,
  unstableErlangC,
} from "./erlang-c.ts";
export { type PriorityQueue, type PriorityQueueResult, priorityQueueWaits } from "./priority.ts";
export type { AbandoningMultiServerQueue, MultiServerQueue } from "./queue-parameters.ts";
export { erlangCServersFor, type ServiceLevelGoal } from "./staffing.ts";
