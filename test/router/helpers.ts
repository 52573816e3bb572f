/**
 * Test helpers: a router on a fresh engine with an event recorder, and short trace formatting
 * (`"RouterWorkerOfferIssued w1 j1"`) so that event-trace tests read like the documentation.
 */
import { type AfterEvent, Engine } from "../../src/engine/engine.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import type { RouterResult } from "../../src/router/results.ts";
import { Router } from "../../src/router/router.ts";
import type {
  DistributionModeSpec,
  RouterConfig,
  WorkerSelectorSpec,
  WorkerSpec,
} from "../../src/router/types.ts";

/** A router, its engine and every event it emitted. */
export interface Harness {
  readonly engine: Engine;
  readonly router: Router;
  readonly events: RouterEvent[];
  /** Events since the last call, as short trace lines. */
  take(): string[];
}

/** One-line summary of an event: type plus worker and job ids where present. */
export function traceLine(event: RouterEvent): string {
  const parts: string[] = [event.type.replace(/^Router/, "")];
  if ("workerId" in event) parts.push(event.workerId);
  if ("jobId" in event) parts.push(event.jobId);
  return parts.join(" ");
}

/** Builds a router with the given config and records its events. */
export function harness(config: RouterConfig, afterEvent?: AfterEvent): Harness {
  const engine = new Engine(afterEvent === undefined ? {} : { afterEvent });
  const { workers = [], ...resources } = config;
  const router = new Router(engine, resources);
  const events: RouterEvent[] = [];
  let taken = 0;
  router.subscribe((event) => {
    events.push(event);
  });
  // Added after subscribing, so that their registrations are recorded too.
  for (const worker of workers) unwrap(router.upsertWorker(worker));
  return {
    engine,
    router,
    events,
    take() {
      const lines = events.slice(taken).map(traceLine);
      taken = events.length;
      return lines;
    },
  };
}

/** A config with one queue `q` on one policy, and the given workers. */
export function singleQueue(
  mode: DistributionModeSpec,
  workers: WorkerSpec[],
  offerExpiresAfterSeconds = 60,
): RouterConfig {
  return {
    distributionPolicies: [{ id: "policy", offerExpiresAfterSeconds, mode }],
    queues: [{ id: "q", distributionPolicyId: "policy" }],
    workers,
  };
}

/** A registered voice worker of capacity 1 in queue `q`. */
export function voiceWorker(id: string, extra: Partial<WorkerSpec> = {}): WorkerSpec {
  return {
    id,
    capacity: 1,
    queues: ["q"],
    channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
    availableForOffers: true,
    ...extra,
  };
}

/** The value of a successful result; fails the test otherwise. */
export function unwrap<T>(result: RouterResult<T>): T {
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The offer id of the worker's only (or first) open offer. */
export function offerOf(harness: Harness, workerId: string, index = 0): string {
  const offer = harness.router.getWorker(workerId)?.offers[index];
  if (offer === undefined) throw new Error(`${workerId} has no open offer ${index}`);
  return offer.offerId;
}

/**
 * Creates `count` jobs `job-0`, `job-1`, … in queue `q` on channel voice, one a second, each
 * with `selectorsOf(i)` as its requested selectors, and serves each to the end before the next
 * (offer accepted, completed, closed): every job waits alone, so its waiting group empties.
 */
export function serveJobsOneByOne(
  h: Harness,
  count: number,
  selectorsOf: (jobIndex: number) => WorkerSelectorSpec[],
): void {
  for (let i = 0; i < count; i++) {
    h.engine.runUntil(h.engine.now + 1);
    const id = `job-${i}`;
    unwrap(
      h.router.upsertJob({
        id,
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: selectorsOf(i),
      }),
    );
    const offer = h.events.findLast((event) => event.type === "RouterWorkerOfferIssued");
    if (offer === undefined || !("workerId" in offer)) throw new Error(`no offer for ${id}`);
    const { assignmentId } = unwrap(
      h.router.acceptJobOffer(offer.workerId, offerOf(h, offer.workerId)),
    );
    unwrap(h.router.completeJob(id, assignmentId));
    unwrap(h.router.closeJob(id, assignmentId));
  }
}
