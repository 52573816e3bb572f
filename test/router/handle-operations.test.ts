/**
 * The operations by handles (acceptOffer, declineOffer, completeAssignment, closeAssignment,
 * unassignAssignment, cancelJobAt) are the string operations without ids. Two routers with
 * the same configuration are driven through the same random operations, one by ids and the
 * other by handles; they must answer alike (the handle answer turned into the string result
 * with the ids the caller knows), make the same observer calls in the same order, emit the same
 * events, answer every query the same and keep the router's invariants. Targets include stale
 * offers (answered, revoked, expired, of forgotten jobs), wrong and old assignments of live and
 * forgotten jobs, and refusals (Conflict, NotFound, BadRequest: a fourth unassign, a NaN retry).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { RouterObserverBase } from "../../src/router/events/observer.ts";
import { checkInvariants } from "../../src/router/invariants.ts";
import type { RouterResult } from "../../src/router/results.ts";
import { Router } from "../../src/router/router.ts";
import type { RouterConfig, WorkerSpec } from "../../src/router/types.ts";
import { assertProperty } from "../support/property.ts";
import {
  type Operation as DifferentialOperation,
  operationArbitrary,
  RecordingObserver,
} from "./differential.ts";

const CONFIG: RouterConfig = {
  distributionPolicies: [
    {
      id: "p",
      offerExpiresAfterSeconds: 30,
      mode: { kind: "longestIdle", minConcurrentOffers: 1, maxConcurrentOffers: 2 },
    },
  ],
  queues: [{ id: "q", distributionPolicyId: "p" }],
};

const WORKERS: WorkerSpec[] = [0, 1, 2].map((index) => ({
  id: `w${index}`,
  capacity: index === 2 ? 2 : 1,
  queues: ["q"],
  channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
  availableForOffers: true,
}));

const OPERATION_KINDS = [
  "create",
  "create",
  "accept",
  "accept",
  "accept",
  "decline",
  "complete",
  "complete",
  "close",
  "close",
  "unassign",
  "cancel",
  "register",
  "deregister",
  "advance",
] as const;

const anOperation = operationArbitrary(OPERATION_KINDS);

type Operation = DifferentialOperation<(typeof OPERATION_KINDS)[number]>;

/** An offer ever issued, by its handles and its ids (the ids taken while it was live). */
interface IssuedOffer {
  readonly job: number;
  readonly jobId: string;
  readonly offer: number;
  readonly offerId: string;
  readonly worker: number;
  readonly workerId: string;
}

/** An assignment ever made, by its handles and its ids. */
interface MadeAssignment {
  readonly job: number;
  readonly jobId: string;
  readonly assignment: number;
  readonly assignmentId: string;
}

/** Collects every offer and assignment, as a caller by handles hears them. */
class HandleCollector extends RouterObserverBase {
  readonly offers: IssuedOffer[] = [];
  readonly assignments: MadeAssignment[] = [];

  constructor(private readonly router: Router) {
    super();
  }

  override offerIssued(_t: number, job: number, offer: number, worker: number): void {
    const view = this.router.view;
    const [jobId, offerId, workerId] = [
      view.jobId(job),
      view.offerId(offer),
      view.workerId(worker),
    ];
    this.offers.push({ job, jobId, offer, offerId, worker, workerId });
  }

  override offerAccepted(
    _t: number,
    job: number,
    _offer: number,
    _worker: number,
    _queue: number,
    assignment: number,
  ): void {
    const view = this.router.view;
    const [jobId, assignmentId] = [view.jobId(job), view.assignmentId(assignment)];
    this.assignments.push({ job, jobId, assignment, assignmentId });
  }
}

/** One router and what it said. */
interface Side {
  readonly engine: Engine;
  readonly router: Router;
  readonly observer: RecordingObserver;
  readonly events: string[];
}

function newSide(): Side {
  const engine = new Engine();
  const router = new Router(engine, CONFIG);
  const observer = new RecordingObserver();
  router.observe(observer);
  const events: string[] = [];
  router.subscribe((event) => events.push(JSON.stringify(event)));
  for (const worker of WORKERS) expect(router.upsertWorker(worker).ok).toBe(true);
  return { engine, router, observer, events };
}

/** A result as text: the whole of it, or (`codeOnly`) a failure's code alone. */
function answer(result: RouterResult<unknown>, codeOnly = false): string {
  if (result.ok || !codeOnly) return JSON.stringify(result);
  return JSON.stringify({ ok: false, code: result.error.code });
}

/** A success by handles as the string operation's result, its value built by `value`. */
function asResult<T, U>(answered: RouterResult<T>, value: (handles: T) => U): RouterResult<U> {
  return answered.ok ? { ok: true, value: value(answered.value) } : answered;
}

/**
 * Applies one operation to both sides, by ids on one and by handles on the other, and returns
 * both answers as the string results. Targets come from what the handles side heard (the two
 * routers are in the same state, so their handles are the same); `a` picks one.
 */
function applyBoth(
  byIds: Side,
  byHandles: Side,
  heard: HandleCollector,
  operation: Operation,
  created: number,
): [string, string] {
  const { kind, a, b } = operation;
  const both = (act: (side: Side) => RouterResult<unknown>): [string, string] => [
    answer(act(byIds)),
    answer(act(byHandles)),
  ];
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[items.length - 1 - (a % items.length)];
  switch (kind) {
    case "create": {
      const id = `j${created}`;
      return both((side) => side.router.upsertJob({ id, channelId: "voice", queueId: "q" }));
    }
    case "accept": {
      const target = pick(heard.offers);
      if (target === undefined) return ["none", "none"];
      const { offerId, workerId } = target;
      const string = byIds.router.acceptJobOffer(workerId, offerId);
      const view = byHandles.router.view;
      const accepted = byHandles.router.acceptOffer(target.worker, target.offer);
      const handles = asResult(accepted, (value) => ({
        assignmentId: view.assignmentId(value.assignment),
        jobId: view.jobId(value.job),
        workerId,
      }));
      // The accepted job is the offer's (its slot, as heard when the offer was issued).
      if (accepted.ok) expect(accepted.value.job).toBe(target.job);
      return [answer(string), answer(handles)];
    }
    case "decline": {
      const target = pick(heard.offers);
      if (target === undefined) return ["none", "none"];
      const now = byIds.engine.now;
      // Never again, again at once, later, or not a time (refused).
      const retry = [undefined, now, now + (b % 40) + 1, Number.NaN][b % 4];
      const options =
        retry === undefined ? (b % 8 === 0 ? undefined : {}) : { retryOfferAtSeconds: retry };
      const string = byIds.router.declineJobOffer(target.workerId, target.offerId, options);
      const handles =
        retry === undefined && b % 8 === 0
          ? byHandles.router.declineOffer(target.worker, target.offer)
          : byHandles.router.declineOffer(target.worker, target.offer, options);
      return [answer(string), answer(handles)];
    }
    case "complete":
    case "close":
    case "unassign": {
      const made = pick(heard.assignments);
      if (made === undefined) return ["none", "none"];
      // Now and then another assignment of the same job (an earlier one, before an unassign).
      // Not another job's: a caller's slot and sequence come from one assignment, and a slot
      // outlives its job (the next job takes it), so a forgotten job's slot with the sequence
      // of its slot's next job would name that live job, which no id pair can.
      const other = heard.assignments[b % heard.assignments.length] as MadeAssignment;
      const { assignment, assignmentId } = b % 3 === 0 && other.jobId === made.jobId ? other : made;
      const { job, jobId } = made;
      // A stale handle and a stale id are both NotFound, but the messages name what each was
      // given (a slot, an id): failures are compared by code.
      if (kind === "complete") {
        return [
          answer(byIds.router.completeJob(jobId, assignmentId), true),
          answer(byHandles.router.completeAssignment(job, assignment), true),
        ];
      }
      if (kind === "close") {
        return [
          answer(byIds.router.closeJob(jobId, assignmentId), true),
          answer(byHandles.router.closeAssignment(job, assignment), true),
        ];
      }
      const suspendMatching = b % 3 === 0;
      const string = byIds.router.unassignJob(
        jobId,
        assignmentId,
        b % 6 === 1 ? undefined : { suspendMatching },
      );
      const handles =
        b % 6 === 1
          ? byHandles.router.unassignAssignment(job, assignment)
          : byHandles.router.unassignAssignment(job, assignment, { suspendMatching });
      return [answer(string, true), answer(handles, true)];
    }
    case "cancel": {
      // Live jobs only: a slot is reused by the next job, so a stale slot is a live handle.
      const job = pick([...byHandles.router.core.jobs]);
      if (job === undefined) return ["none", "none"];
      const jobId = job.id;
      const slot = job.index;
      return [answer(byIds.router.cancelJob(jobId)), answer(byHandles.router.cancelJobAt(slot))];
    }
    case "register":
    case "deregister": {
      const workerId = `w${a % WORKERS.length}`;
      return both((side) =>
        kind === "register"
          ? side.router.registerWorker(workerId)
          : side.router.deregisterWorker(workerId),
      );
    }
    case "advance":
      for (const side of [byIds, byHandles]) side.engine.runUntil(side.engine.now + (a % 45));
      return ["advanced", "advanced"];
    default:
      throw new Error(`unknown operation ${kind satisfies never}`);
  }
}

/** Everything the router's queries answer, for every id created and every worker. */
function views(target: Side, created: number): string {
  const { router } = target;
  const answers: unknown[] = [router.countJobsInSystem(), router.getQueueStatistics("q")];
  for (let n = 0; n < created; n++) {
    answers.push(router.getJob(`j${n}`) ?? null, router.getJobPosition(`j${n}`));
  }
  for (const worker of router.core.workers) answers.push(router.getWorker(worker.id) ?? null);
  return JSON.stringify(answers);
}

describe("operations by handles", () => {
  it("answer, say and change exactly what the string operations do", () => {
    assertProperty(
      fc.property(
        fc.array(anOperation, { minLength: 1, maxLength: 120, size: "max" }),
        (operations) => {
          const byIds = newSide();
          const byHandles = newSide();
          const heard = new HandleCollector(byHandles.router);
          byHandles.router.observe(heard);
          let created = 0;
          for (const operation of operations) {
            const [stringAnswer, handleAnswer] = applyBoth(
              byIds,
              byHandles,
              heard,
              operation,
              created,
            );
            if (operation.kind === "create") created++;
            const step = JSON.stringify(operation);
            expect(handleAnswer, step).toBe(stringAnswer);
            expect(byHandles.observer.calls, step).toEqual(byIds.observer.calls);
            expect(byHandles.events, step).toEqual(byIds.events);
            expect(views(byHandles, created), step).toBe(views(byIds, created));
            expect(checkInvariants(byHandles.router), step).toEqual([]);
          }
        },
      ),
      { numRuns: 300, timeLimitSeconds: 60 },
    );
  });
});
