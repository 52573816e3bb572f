/**
 * The router's observer calls: one per event, in the events' order, with handles the view turns
 * into the events' ids; operations refused from inside an observer; and the handle-taking
 * operations giving the same results and error answers as the string operations.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../../src/engine/engine.ts";
import type { RouterEvent } from "../../../src/router/events/events.ts";
import { RouterObserverBase, type RouterView } from "../../../src/router/events/observer.ts";
import { Router, RouterReentrancyError } from "../../../src/router/router.ts";
import { singleQueue, unwrap, voiceWorker } from "../helpers.ts";

/** Records every observer call as `<type> <workerId> <jobId>`, the shape of `lineOf`. */
class Recorder extends RouterObserverBase {
  readonly lines: string[] = [];

  constructor(private readonly view: RouterView) {
    super();
  }

  private job(type: string, job: number, worker = -1): void {
    const workerPart = worker < 0 ? "" : ` ${this.view.workerId(worker)}`;
    this.lines.push(`${type}${workerPart} ${this.view.jobId(job)}`);
  }

  override jobReceived(_t: number, job: number): void {
    this.job("JobReceived", job);
  }
  override jobQueued(_t: number, job: number, queue: number): void {
    this.job(`JobQueued@${this.view.queueId(queue)}`, job);
  }
  override jobCompleted(_t: number, job: number, assignment: number, worker: number): void {
    this.job(`JobCompleted#${this.view.assignmentId(assignment)}`, job, worker);
  }
  override jobClosed(_t: number, job: number, assignment: number, worker: number): void {
    this.job(`JobClosed#${this.view.assignmentId(assignment)}`, job, worker);
  }
  override jobUnassigned(_t: number, job: number, assignment: number, worker: number): void {
    this.job(`JobUnassigned#${this.view.assignmentId(assignment)}`, job, worker);
  }
  override jobCancelled(_t: number, job: number): void {
    this.job("JobCancelled", job);
  }
  override offerIssued(_t: number, job: number, offer: number, worker: number, queue: number) {
    this.job(
      `WorkerOfferIssued#${this.view.offerId(offer)}@${this.view.queueId(queue)}`,
      job,
      worker,
    );
  }
  override offerAccepted(
    _t: number,
    job: number,
    offer: number,
    worker: number,
    _queue: number,
    assignment: number,
  ): void {
    const ids = `${this.view.offerId(offer)}#${this.view.assignmentId(assignment)}`;
    this.job(`WorkerOfferAccepted#${ids}`, job, worker);
  }
  override offerDeclined(_t: number, job: number, offer: number, worker: number): void {
    this.job(`WorkerOfferDeclined#${this.view.offerId(offer)}`, job, worker);
  }
  override offerRevoked(_t: number, job: number, offer: number, worker: number): void {
    this.job(`WorkerOfferRevoked#${this.view.offerId(offer)}`, job, worker);
  }
  override offerExpired(_t: number, job: number, offer: number, worker: number): void {
    this.job(`WorkerOfferExpired#${this.view.offerId(offer)}`, job, worker);
  }
  override workerRegistered(_t: number, worker: number): void {
    this.lines.push(`WorkerRegistered ${this.view.workerId(worker)}`);
  }
  override workerDeregistered(_t: number, worker: number): void {
    this.lines.push(`WorkerDeregistered ${this.view.workerId(worker)}`);
  }
}

/** The same line from an event object. */
function lineOf(event: RouterEvent): string {
  let type = event.type.replace(/^Router/, "");
  if (event.type === "RouterJobQueued") type += `@${event.queueId}`;
  if ("assignmentId" in event && event.type !== "RouterWorkerOfferAccepted") {
    type += `#${event.assignmentId}`;
  }
  if ("offerId" in event) type += `#${event.offerId}`;
  if (event.type === "RouterWorkerOfferAccepted") type += `#${event.assignmentId}`;
  if (event.type === "RouterWorkerOfferIssued") type += `@${event.queueId}`;
  const parts = [type];
  if ("workerId" in event) parts.push(event.workerId);
  if ("jobId" in event) parts.push(event.jobId);
  return parts.join(" ");
}

const KNOWN = new Set([
  "RouterJobReceived",
  "RouterJobQueued",
  "RouterJobCompleted",
  "RouterJobClosed",
  "RouterJobUnassigned",
  "RouterJobCancelled",
  "RouterWorkerOfferIssued",
  "RouterWorkerOfferAccepted",
  "RouterWorkerOfferDeclined",
  "RouterWorkerOfferRevoked",
  "RouterWorkerOfferExpired",
  "RouterWorkerRegistered",
  "RouterWorkerDeregistered",
]);

/** A router with two agents, an observer and a subscriber added in that order. */
function observedRouter() {
  const engine = new Engine();
  const { workers = [], ...resources } = singleQueue({ kind: "longestIdle" }, [
    voiceWorker("a1"),
    voiceWorker("a2"),
  ]);
  const router = new Router(engine, resources);
  const recorder = new Recorder(router.view);
  router.observe(recorder);
  const events: RouterEvent[] = [];
  router.subscribe((event) => events.push(event));
  for (const worker of workers) unwrap(router.upsertWorker(worker));
  return { engine, router, recorder, events };
}

describe("the router's observer calls", () => {
  it("come one per event, in the events' order, with handles naming the events' ids", () => {
    const { engine, router, recorder, events } = observedRouter();
    unwrap(router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    unwrap(router.upsertJob({ id: "j3", channelId: "voice", queueId: "q" }));
    const offers = events.filter((event) => event.type === "RouterWorkerOfferIssued");
    const [first, second] = offers;
    if (first === undefined || second === undefined) throw new Error("expected two offers");
    const accepted = unwrap(router.acceptJobOffer(first.workerId, first.offerId));
    unwrap(router.declineJobOffer(second.workerId, second.offerId));
    unwrap(router.completeJob(accepted.jobId, accepted.assignmentId));
    unwrap(router.closeJob(accepted.jobId, accepted.assignmentId));
    unwrap(router.cancelJob("j3"));
    engine.runUntil(3600);
    const lines = events.filter((event) => KNOWN.has(event.type)).map(lineOf);
    expect(lines.length).toBeGreaterThan(12);
    expect(recorder.lines).toEqual(lines);
  });

  it("refuse router operations from inside an observer", () => {
    const engine = new Engine();
    const { workers = [], ...resources } = singleQueue({ kind: "longestIdle" }, [
      voiceWorker("a1"),
    ]);
    const router = new Router(engine, resources);
    const errors: unknown[] = [];
    class Meddler extends RouterObserverBase {
      override jobQueued(): void {
        try {
          router.cancelJobAt(0);
        } catch (error) {
          errors.push(error);
        }
      }
    }
    router.observe(new Meddler());
    for (const worker of workers) unwrap(router.upsertWorker(worker));
    unwrap(router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(RouterReentrancyError);
  });
});

describe("operations by handles", () => {
  it("accept, complete and close as the string operations do, by slot and sequences", () => {
    const { router, events } = observedRouter();
    unwrap(router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offer = events.find((event) => event.type === "RouterWorkerOfferIssued");
    if (offer?.type !== "RouterWorkerOfferIssued") throw new Error("expected an offer");
    const workerIndex = router.core.workerById.get(offer.workerId)?.index as number;
    const sequence = router.core.offerSequenceOf(offer.offerId);
    const accepted = unwrap(router.acceptOffer(workerIndex, sequence));
    expect(router.view.jobId(accepted.job)).toBe("j1");
    const acceptedEvent = events.at(-1);
    expect(acceptedEvent?.type).toBe("RouterWorkerOfferAccepted");
    if (acceptedEvent?.type !== "RouterWorkerOfferAccepted") return;
    expect(router.view.assignmentId(accepted.assignment)).toBe(acceptedEvent.assignmentId);
    // A second accept of the same offer: the service's Conflict, by handles as by ids.
    const byHandles = router.acceptOffer(workerIndex, sequence);
    const byIds = router.acceptJobOffer(offer.workerId, offer.offerId);
    expect(byHandles).toEqual(byIds);
    expect(byHandles.ok === false && byHandles.error.code).toBe("Conflict");
    // A wrong assignment: NotFound either way, and nothing changes.
    const wrong = router.completeAssignment(accepted.job, accepted.assignment + 1);
    expect(wrong.ok === false && wrong.error.code).toBe("NotFound");
    expect(router.getJob("j1")?.status).toBe("assigned");
    unwrap(router.completeAssignment(accepted.job, accepted.assignment));
    expect(router.getJob("j1")?.status).toBe("completed");
    unwrap(router.closeAssignment(accepted.job, accepted.assignment));
    expect(router.getJob("j1")).toBeUndefined();
    // The job is forgotten: its slot is a stale handle, NotFound as a stale id is.
    const stale = router.closeAssignment(accepted.job, accepted.assignment);
    expect(stale.ok === false && stale.error.code).toBe("NotFound");
    const staleCancel = router.cancelJobAt(accepted.job);
    expect(staleCancel.ok === false && staleCancel.error.code).toBe("NotFound");
  });

  it("decline and unassign as the string operations do", () => {
    const { router, events } = observedRouter();
    unwrap(router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offer = events.find((event) => event.type === "RouterWorkerOfferIssued");
    if (offer?.type !== "RouterWorkerOfferIssued") throw new Error("expected an offer");
    const workerIndex = router.core.workerById.get(offer.workerId)?.index as number;
    const sequence = router.core.offerSequenceOf(offer.offerId);
    unwrap(router.declineOffer(workerIndex, sequence));
    expect(events.some((event) => event.type === "RouterWorkerOfferDeclined")).toBe(true);
    const again = router.declineOffer(workerIndex, sequence);
    expect(again).toEqual(router.declineJobOffer(offer.workerId, offer.offerId));
    expect(again.ok === false && again.error.code).toBe("NotFound");
    // The other agent got the job; accept it by handles, then hand it back.
    const next = events.filter((event) => event.type === "RouterWorkerOfferIssued").at(-1);
    if (next?.type !== "RouterWorkerOfferIssued") throw new Error("expected a second offer");
    const nextWorker = router.core.workerById.get(next.workerId)?.index as number;
    const accepted = unwrap(
      router.acceptOffer(nextWorker, router.core.offerSequenceOf(next.offerId)),
    );
    const unassigned = unwrap(router.unassignAssignment(accepted.job, accepted.assignment));
    expect(unassigned).toEqual({ jobId: "j1", unassignmentCount: 1 });
    expect(router.getJob("j1")?.status).toBe("queued");
  });
});
