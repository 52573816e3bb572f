/**
 * Public surface of the Job Router simulation: the service facade, its resource specs, typed
 * results, events and observer, the invariant checks and `parsePowerFx` (a routing-rule
 * expression compiled without throwing). The Event Grid writer of its events is a reporter:
 * report/event-grid/.
 */

export type { PowerFxParseResult } from "./classification/rules/powerfx.ts";
export { parsePowerFx } from "./classification/rules/powerfx.ts";
export { RouterConfigError } from "./configuration/config.ts";
export type * from "./events/events.ts";
export type { RouterObserver, RouterView, WorkerDetails } from "./events/observer.ts";
export { RouterObserverBase } from "./events/observer.ts";
export { checkInvariants, isLegalTransition } from "./invariants.ts";
export type {
  CancelOptions,
  CloseOptions,
  UnassignResult,
  UpsertJobResult,
} from "./jobs/job-operations.ts";
export type { JobTemplate, JobTemplateSpec } from "./jobs/job-template.ts";
export { isLabelValue, labelsEqual } from "./labels.ts";
export type { AcceptedOffer, AcceptResult } from "./offers/offer-operations.ts";
export type {
  EmptyResult,
  RouterError,
  RouterErrorCode,
  RouterFailure,
  RouterResult,
} from "./results.ts";
export { Router, RouterReentrancyError } from "./router.ts";
export type * from "./types.ts";
export type { JobPosition, JobView, QueueStatistics, WorkerView } from "./views.ts";
