/**
 * Public surface of the Job Router simulation: the service facade, its resource specs, typed
 * results and events, the Event Grid serializer, the invariant checks and `parsePowerFx` (a
 * routing-rule expression compiled without throwing).
 */
export { RouterConfigError } from "./config.ts";
export type { EventGridEvent, EventGridOptions } from "./event-grid.ts";
export { deterministicEventId, EventGridSerializer } from "./event-grid.ts";
export type * from "./events.ts";
export { checkInvariants, isLegalTransition } from "./invariants.ts";
export type {
  CancelOptions,
  CloseOptions,
  UnassignResult,
  UpsertJobResult,
} from "./job-operations.ts";
export { type ByteSink, JsonBytes } from "./json-bytes.ts";
export type { RouterObserver, RouterView, WorkerDetails } from "./observer.ts";
export { RouterObserverBase } from "./observer.ts";
export type { AcceptedOffer, AcceptResult } from "./offer-operations.ts";
export type { EmptyResult, RouterError, RouterErrorCode, RouterResult } from "./results.ts";
export { Router, RouterReentrancyError } from "./router.ts";
export type { PowerFxParseResult } from "./rules/powerfx.ts";
export { parsePowerFx } from "./rules/powerfx.ts";
export type * from "./types.ts";
export type { JobPosition, JobView, QueueStatistics, WorkerView } from "./views.ts";
