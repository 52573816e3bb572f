/**
 * Feeds a stream of RouterEvent objects (hand-written histories, a recorded run) to a router
 * observer: it gives ids numeric handles the way the router does (job slots recycled when a
 * job is closed or cancelled, offer handles when the offer ends, stable worker and queue
 * indexes) and answers the observer's view questions from what the events said. Events of a
 * job it never saw received, and ends of offers it never saw, are skipped: an observer that
 * learns only from events (the metrics) would ignore them anyway.
 */
import { SlotIndex } from "../collections/slot-index.ts";
import type { RouterEvent } from "../router/events/events.ts";
import type { RouterObserver, RouterView, WorkerDetails } from "../router/events/observer.ts";

const NO_LABELS = Object.freeze({});

/** See the module header. */
export class EventReplay implements RouterView {
  private readonly jobSlotById = new SlotIndex<string>();
  private readonly jobIds: string[] = [];
  private readonly jobChannels: string[] = [];
  /** The job's latest assignment id: the replay's assignment handle is the job's slot. */
  private readonly jobAssignments: string[] = [];
  private readonly freeJobSlots: number[] = [];
  private readonly offerById = new SlotIndex<string>();
  private readonly offerIds: string[] = [];
  private readonly freeOffers: number[] = [];
  private readonly workerById = new Map<string, number>();
  private readonly workers: WorkerDetails[] = [];
  private readonly queueById = new Map<string, number>();
  private readonly queueIds: string[] = [];

  /** Calls the observer for one event. */
  feed(event: RouterEvent, observer: RouterObserver): void {
    const time = event.timeSeconds;
    switch (event.type) {
      case "RouterWorkerRegistered":
        observer.workerRegistered(time, this.registerWorker(event));
        return;
      case "RouterWorkerDeregistered":
        observer.workerDeregistered(time, this.workerOf(event.workerId));
        return;
      case "RouterJobReceived":
        observer.jobReceived(time, this.receive(event.jobId, event.channelId));
        return;
      default:
        break;
    }
    const job = this.jobSlotById.get(event.jobId);
    if (job < 0) return;
    this.jobChannels[job] = event.channelId;
    switch (event.type) {
      case "RouterJobClassified":
        observer.jobClassified(time, job, this.queueOf(event.queueId));
        return;
      case "RouterJobClassificationFailed": {
        const error = event.errors[0] ?? { code: "", message: "" };
        observer.jobClassificationFailed(time, job, event.classificationPolicyId, error);
        return;
      }
      case "RouterJobQueued":
        observer.jobQueued(time, job, this.queueOf(event.queueId));
        return;
      case "RouterJobWaitingForActivation":
        observer.jobWaitingForActivation(time, job);
        return;
      case "RouterJobUnassigned":
        this.jobAssignments[job] = event.assignmentId;
        observer.jobUnassigned(time, job, job, this.workerOf(event.workerId));
        return;
      case "RouterJobCompleted":
        this.jobAssignments[job] = event.assignmentId;
        observer.jobCompleted(time, job, job, this.workerOf(event.workerId));
        return;
      case "RouterJobClosed":
        this.jobAssignments[job] = event.assignmentId;
        observer.jobClosed(time, job, job, this.workerOf(event.workerId));
        this.forgetJob(event.jobId, job);
        return;
      case "RouterJobCancelled":
        observer.jobCancelled(time, job, event.note, event.dispositionCode);
        this.forgetJob(event.jobId, job);
        return;
      case "RouterJobExceptionTriggered":
        observer.jobExceptionTriggered(time, job, event.exceptionRuleId);
        return;
      case "RouterJobWorkerSelectorsExpired":
        observer.jobWorkerSelectorsExpired(
          time,
          job,
          event.expiredRequestedWorkerSelectors,
          event.expiredAttachedWorkerSelectors,
        );
        return;
      case "RouterWorkerOfferIssued":
        observer.offerIssued(
          time,
          job,
          this.offerOf(event.offerId),
          this.workerOf(event.workerId),
          this.queueOf(event.queueId),
        );
        return;
      case "RouterWorkerOfferAccepted": {
        const offer = this.offerOf(event.offerId);
        this.jobAssignments[job] = event.assignmentId;
        observer.offerAccepted(
          time,
          job,
          offer,
          this.workerOf(event.workerId),
          this.queueOf(event.queueId),
          job,
        );
        this.forgetOffer(event.offerId);
        return;
      }
      case "RouterWorkerOfferDeclined":
      case "RouterWorkerOfferRevoked":
      case "RouterWorkerOfferExpired":
        this.endOffer(event.type, time, job, event.offerId, event.workerId, observer);
        return;
      default:
        return;
    }
  }

  /** An offer ended; one never seen issued or accepted has nothing to end. */
  private endOffer(
    type: "RouterWorkerOfferDeclined" | "RouterWorkerOfferRevoked" | "RouterWorkerOfferExpired",
    time: number,
    job: number,
    offerId: string,
    workerId: string,
    observer: RouterObserver,
  ): void {
    const offer = this.offerById.get(offerId);
    if (offer < 0) return;
    const worker = this.workerOf(workerId);
    if (type === "RouterWorkerOfferDeclined") observer.offerDeclined(time, job, offer, worker);
    else if (type === "RouterWorkerOfferRevoked") observer.offerRevoked(time, job, offer, worker);
    else observer.offerExpired(time, job, offer, worker);
    this.forgetOffer(offerId);
  }

  jobId(job: number): string {
    return this.jobIds[job] as string;
  }

  jobChannelId(job: number): string {
    return this.jobChannels[job] as string;
  }

  queueId(queue: number): string {
    return this.queueIds[queue] as string;
  }

  workerId(worker: number): string {
    return (this.workers[worker] as WorkerDetails).id;
  }

  worker(worker: number): WorkerDetails {
    return this.workers[worker] as WorkerDetails;
  }

  offerId(offer: number): string {
    return this.offerIds[offer] as string;
  }

  assignmentId(assignment: number): string {
    return this.jobAssignments[assignment] as string;
  }

  private receive(jobId: string, channelId: string): number {
    let job = this.jobSlotById.get(jobId);
    if (job < 0) {
      job = this.freeJobSlots.length > 0 ? (this.freeJobSlots.pop() as number) : this.jobIds.length;
      this.jobSlotById.set(jobId, job);
    }
    this.jobIds[job] = jobId;
    this.jobChannels[job] = channelId;
    this.jobAssignments[job] = "";
    return job;
  }

  private forgetJob(jobId: string, job: number): void {
    this.jobSlotById.delete(jobId);
    this.jobIds[job] = "";
    this.freeJobSlots.push(job);
  }

  /** The handle of an offer id, given one when first seen. */
  private offerOf(offerId: string): number {
    let offer = this.offerById.get(offerId);
    if (offer < 0) {
      offer = this.freeOffers.length > 0 ? (this.freeOffers.pop() as number) : this.offerIds.length;
      this.offerById.set(offerId, offer);
      this.offerIds[offer] = offerId;
    }
    return offer;
  }

  private forgetOffer(offerId: string): void {
    const offer = this.offerById.delete(offerId);
    if (offer < 0) return;
    this.offerIds[offer] = "";
    this.freeOffers.push(offer);
  }

  private registerWorker(event: {
    readonly workerId: string;
    readonly totalCapacity: number;
    readonly queueAssignments: WorkerDetails["queueAssignments"];
    readonly channelConfigurations: WorkerDetails["channelConfigurations"];
    readonly labels: WorkerDetails["labels"];
    readonly tags: WorkerDetails["tags"];
  }): number {
    const worker = this.workerOf(event.workerId);
    this.workers[worker] = {
      id: event.workerId,
      capacity: event.totalCapacity,
      queueAssignments: event.queueAssignments,
      channelConfigurations: event.channelConfigurations,
      labels: event.labels,
      tags: event.tags,
    };
    return worker;
  }

  /** The handle of a worker id, given one (unregistered, no details) when first seen. */
  private workerOf(workerId: string): number {
    let worker = this.workerById.get(workerId);
    if (worker === undefined) {
      worker = this.workers.length;
      this.workerById.set(workerId, worker);
      this.workers.push({
        id: workerId,
        capacity: 0,
        queueAssignments: [],
        channelConfigurations: [],
        labels: NO_LABELS,
        tags: NO_LABELS,
      });
    }
    return worker;
  }

  /** The handle of a queue id (−1 for none). */
  private queueOf(queueId: string | null): number {
    if (queueId === null) return -1;
    let queue = this.queueById.get(queueId);
    if (queue === undefined) {
      queue = this.queueIds.length;
      this.queueById.set(queueId, queue);
      this.queueIds.push(queueId);
    }
    return queue;
  }
}
