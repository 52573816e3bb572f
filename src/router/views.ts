/**
 * Read-only snapshots of jobs, workers, queue statistics and job positions, shaped like the
 * service's GET responses (times in simulated seconds). Built on request; O(size of the record)
 * except queue statistics, whose longest wait is O(queue length).
 */
import type { RouterCore } from "./core.ts";
import {
  ASSIGNMENT_ID_PREFIX,
  type ChannelConfiguration,
  type JobMatching,
  type JobRecord,
  type QueueRecord,
  type WorkerRecord,
} from "./entities.ts";
import type { RouterView, WorkerDetails } from "./events/observer.ts";
import { earliestEnqueuedAtSeconds } from "./jobs/queue-order.ts";
import type {
  JobNote,
  JobStatus,
  Labels,
  MatchingModeSpec,
  WorkerSelector,
  WorkerState,
} from "./types.ts";

/** An assignment as `job.assignments` shows it. */
export interface AssignmentView {
  readonly assignmentId: string;
  readonly workerId: string;
  readonly assignedAtSeconds: number;
  readonly completedAtSeconds: number | null;
  readonly closedAtSeconds: number | null;
}

/** GET job. */
export interface JobView {
  readonly id: string;
  readonly status: JobStatus;
  readonly channelId: string;
  readonly channelReference: string | null;
  readonly queueId: string | null;
  readonly classificationPolicyId: string | null;
  readonly priority: number;
  readonly labels: Labels;
  readonly tags: Labels;
  readonly requestedWorkerSelectors: readonly WorkerSelector[];
  readonly attachedWorkerSelectors: readonly WorkerSelector[];
  readonly enqueuedAtSeconds: number | null;
  /** The current (or last) assignment; after an unassign only a new one appears. */
  readonly assignment: AssignmentView | null;
  readonly unassignmentCount: number;
  readonly dispositionCode: string | null;
  readonly notes: readonly JobNote[];
  /** Its matching mode (`queueAndMatch` unless a client chose another). */
  readonly matchingMode: MatchingModeSpec;
  /** When its schedule was reached (`scheduleAndSuspend`); null before, or without one. */
  readonly scheduledAtSeconds: number | null;
}

/** An open offer as `worker.offers` shows it. */
export interface OfferView {
  readonly offerId: string;
  readonly jobId: string;
  readonly capacityCost: number;
  readonly offeredAtSeconds: number;
  readonly expiresAtSeconds: number;
}

/** GET worker. */
export interface WorkerView {
  readonly id: string;
  readonly state: WorkerState;
  readonly availableForOffers: boolean;
  readonly capacity: number;
  /** The queues it serves, by id. */
  readonly queues: readonly string[];
  readonly channels: readonly ChannelConfiguration[];
  readonly labels: Labels;
  readonly tags: Labels;
  readonly usedCapacity: number;
  readonly loadRatio: number;
  readonly idleSinceSeconds: number;
  readonly offers: readonly OfferView[];
  readonly assignedJobs: readonly {
    readonly assignmentId: string;
    readonly jobId: string;
    readonly capacityCost: number;
    readonly assignedAtSeconds: number;
  }[];
}

/** Queue statistics (the service's estimates are not simulated). */
export interface QueueStatistics {
  readonly queueId: string;
  readonly length: number;
  /** now − earliest `enqueuedAt` of the queued jobs; 0 when empty. */
  readonly longestJobWaitSeconds: number;
  /** The same in minutes, the service's field. */
  readonly longestJobWaitTimeMinutes: number;
  /** The priority of each queued job, in queue order (for wait estimates). */
  readonly queuedPriorities: readonly number[];
  /** Workers registered for the queue now. */
  readonly activeWorkers: number;
}

/** Job position details. */
export interface JobPosition {
  readonly jobId: string;
  /** 1-based in queue order. */
  readonly position: number;
  readonly queueId: string;
  readonly queueLength: number;
}

function timeOrNull(seconds: number): number | null {
  return Number.isNaN(seconds) ? null : seconds;
}

export function jobView(job: JobRecord): JobView {
  const assignment = job.assignment;
  return {
    id: job.id,
    status: job.status,
    channelId: job.channelId,
    channelReference: job.channelReference,
    queueId: job.queue === null ? null : job.queue.id,
    classificationPolicyId: job.classificationPolicyId,
    priority: job.priority,
    labels: job.labels,
    tags: job.tags,
    requestedWorkerSelectors: job.requestedWorkerSelectors,
    attachedWorkerSelectors: job.attachedWorkerSelectors,
    enqueuedAtSeconds: timeOrNull(job.enqueuedAtSeconds),
    assignment:
      assignment === null
        ? null
        : {
            assignmentId: assignment.assignmentId,
            workerId: assignment.worker.id,
            assignedAtSeconds: assignment.assignedAtSeconds,
            completedAtSeconds: timeOrNull(assignment.completedAtSeconds),
            closedAtSeconds: timeOrNull(assignment.closedAtSeconds),
          },
    unassignmentCount: job.unassignmentCount,
    dispositionCode: job.dispositionCode,
    notes: job.notes === null ? [] : [...job.notes],
    matchingMode: matchingModeOf(job.matching),
    scheduledAtSeconds: timeOrNull(job.matching?.scheduledAtSeconds ?? Number.NaN),
  };
}

const QUEUE_AND_MATCH: MatchingModeSpec = Object.freeze({ kind: "queueAndMatch" });

function matchingModeOf(matching: JobMatching | null): MatchingModeSpec {
  if (matching === null || matching.kind === "queueAndMatch") return QUEUE_AND_MATCH;
  if (matching.kind === "suspend") return { kind: "suspend" };
  return { kind: "scheduleAndSuspend", scheduleAtSeconds: matching.scheduleAtSeconds };
}

export function workerView(worker: WorkerRecord): WorkerView {
  return {
    id: worker.id,
    state: worker.state,
    availableForOffers: worker.state === "active",
    capacity: worker.capacity,
    queues: worker.queues.map((queue) => queue.id),
    channels: worker.channelConfigurations,
    labels: worker.labels,
    tags: worker.tags,
    usedCapacity: worker.usedCapacity,
    loadRatio: worker.loadRatio,
    idleSinceSeconds: worker.idleSinceSeconds,
    offers: worker.openOffers.map((offer) => ({
      offerId: offer.offerId,
      jobId: offer.job.id,
      capacityCost: offer.capacityCost,
      offeredAtSeconds: offer.offeredAtSeconds,
      expiresAtSeconds: offer.expiresAtSeconds,
    })),
    assignedJobs: worker.assignments.map((assignment) => ({
      assignmentId: assignment.assignmentId,
      jobId: assignment.job.id,
      capacityCost: assignment.channel.capacityCostPerJob,
      assignedAtSeconds: assignment.assignedAtSeconds,
    })),
  };
}

export function queueStatistics(core: RouterCore, queue: QueueRecord): QueueStatistics {
  const earliest = earliestEnqueuedAtSeconds(queue);
  const waitSeconds = Number.isNaN(earliest) ? 0 : core.now - earliest;
  const activeWorkers = core
    .workersServing(queue)
    .filter((worker) => worker.state === "active").length;
  return {
    queueId: queue.id,
    length: queue.jobs.length,
    longestJobWaitSeconds: waitSeconds,
    longestJobWaitTimeMinutes: waitSeconds / 60,
    queuedPriorities: queue.jobs.toArray().map((job) => job.priority),
    activeWorkers,
  };
}

/** The router's answers about observer handles: reads its records, changes nothing. */
export class HandleView implements RouterView {
  constructor(private readonly core: RouterCore) {}

  jobId(job: number): string {
    return this.core.jobAt(job).id;
  }

  jobChannelId(job: number): string {
    return this.core.jobAt(job).channelId;
  }

  queueId(queue: number): string {
    return (this.core.queues[queue] as QueueRecord).id;
  }

  workerId(worker: number): string {
    return (this.core.workers[worker] as WorkerRecord).id;
  }

  worker(worker: number): WorkerDetails {
    return this.core.workers[worker] as WorkerRecord;
  }

  offerId(offer: number): string {
    return this.core.offerIdOf(offer);
  }

  assignmentId(assignment: number): string {
    return ASSIGNMENT_ID_PREFIX + assignment;
  }
}
