/**
 * Job operations of the service: create/update (upsert), cancel, complete, close and unassign,
 * with the service's error behaviour and the §2.1 state machine. Each returns a typed result;
 * a rejected call changes nothing. Events are emitted cause first (§8 q); matching is only
 * requested here and runs when the router drains the agenda after the operation. A job is
 * created with a `queueId`, a `classificationPolicyId`, or both (classification decides).
 */
import { NO_TIMER } from "../../engine/engine.ts";
import type { ClassificationPolicyRecord } from "../classification/classification.ts";
import { NO_SELECTORS, toWorkerSelectors } from "../classification/selectors.ts";
import { type RouterCore, removeItem } from "../core.ts";
import type { Matcher } from "../distribution/matching.ts";
import {
  ASSIGNMENT_ID_PREFIX,
  AssignmentRecord,
  type JobRecord,
  type QueueRecord,
} from "../entities.ts";
import { frozenLabels, NO_LABELS } from "../labels.ts";
import {
  type EmptyResult,
  fail,
  failure,
  NO_OPTIONS,
  ok,
  okEmpty,
  type RouterFailure,
  type RouterResult,
} from "../results.ts";
import type { JobSpec, JobStatus } from "../types.ts";
import { addNote, type JobFlow } from "./job-flow.ts";
import type { JobTemplate } from "./job-template.ts";
import { ID_REQUIRED, jobRequestError, newJobError } from "./job-validation.ts";
import { isHeld, type MatchingModes } from "./matching-modes.ts";
import { addQueuedJob, removeQueuedJob } from "./queue-order.ts";

/** Statuses from which cancel is allowed (§8 e). */
const CANCELLABLE: ReadonlySet<JobStatus> = new Set<JobStatus>([
  "created",
  "pendingClassification",
  "queued",
  "waitingForActivation",
  "pendingSchedule",
  "scheduled",
]);

/** Options of cancel. */
export interface CancelOptions {
  readonly note?: string;
  readonly dispositionCode?: string;
}

/** Options of close; `closeAtSeconds` in the future closes then (the service's `closeAt`). */
export interface CloseOptions {
  readonly note?: string;
  readonly dispositionCode?: string;
  readonly closeAtSeconds?: number;
}

/** Result of unassign. */
export interface UnassignResult {
  readonly jobId: string;
  readonly unassignmentCount: number;
}

/** Result of create/update. */
export interface UpsertJobResult {
  readonly jobId: string;
  readonly status: JobStatus;
}

const MAX_UNASSIGNMENTS = 3;

/**
 * A spec's notes (they replace the job's, as the service's upsert does) and disposition code:
 * neither changes routing, so they are set before the job is queued, and an ended job's kept
 * snapshot has them.
 */
function setNotesAndDisposition(job: JobRecord, spec: JobSpec): void {
  if (spec.notes !== undefined) job.notes = spec.notes.length === 0 ? null : [...spec.notes];
  if (spec.dispositionCode !== undefined) job.dispositionCode = spec.dispositionCode;
}

/** The job half of the service. */
export class JobOperations {
  constructor(
    private readonly core: RouterCore,
    private readonly matcher: Matcher,
    private readonly flow: JobFlow,
    private readonly closeHandler: number,
    private readonly modes: MatchingModes,
  ) {}

  upsertJob(spec: JobSpec): RouterResult<UpsertJobResult> {
    const error = jobRequestError(spec, this.core.queueById, this.flow.classificationPolicies);
    if (error !== null) return fail("BadRequest", error);
    const job = this.core.findJob(spec.id);
    return job === undefined ? this.createJob(spec) : this.updateJob(job, spec);
  }

  private createJob(spec: JobSpec): RouterResult<UpsertJobResult> {
    if (spec.id === "") return fail("BadRequest", ID_REQUIRED);
    const error = newJobError(spec);
    if (error !== null) return fail("BadRequest", error);
    const core = this.core;
    const job = core.newJob(
      spec.id,
      spec.channelReference ?? null,
      spec.classificationPolicyId ?? null,
      spec.channelId as string, // newJobError has checked it
      spec.priority ?? 1,
      frozenLabels(spec.labels),
      frozenLabels(spec.tags),
      toWorkerSelectors(spec.requestedWorkerSelectors, core.now),
    );
    setNotesAndDisposition(job, spec);
    const queue = spec.queueId === undefined ? null : core.queueById.get(spec.queueId);
    const policyId = spec.classificationPolicyId;
    const policy =
      policyId === undefined ? undefined : this.flow.classificationPolicies.get(policyId);
    const mode = spec.matchingMode;
    if (mode !== undefined && mode.kind !== "queueAndMatch") {
      // Held: classified and queued when activated.
      if (job.requestedWorkerSelectors.length > 0) {
        this.flow.setSelectors(job, job.requestedWorkerSelectors, NO_SELECTORS);
      }
      job.queue = queue ?? null;
      this.modes.holdNew(job, mode);
    } else {
      this.admitNew(job, queue ?? null, policy ?? null);
    }
    return ok({ jobId: job.id, status: job.status });
  }

  /**
   * upsertJob with the template's spec and `id`, answering the job's slot instead of a result
   * object: the template was checked and resolved when prepared (job-template.ts), so a new job
   * only needs its id looked up. An existing id is an update, by the general path.
   */
  createFromTemplate(template: JobTemplate, id: string): number | RouterFailure {
    if (template.failure !== null) return template.failure;
    const core = this.core;
    const existing = core.findJob(id);
    if (existing !== undefined) {
      const updated = this.updateJob(existing, template.specOf(id));
      return updated.ok ? existing.index : updated;
    }
    if (id === "") return failure("BadRequest", ID_REQUIRED);
    if (template.creationFailure !== null) return template.creationFailure;
    const job = core.newJob(
      id,
      template.channelReference,
      template.classificationPolicyId,
      template.channelId,
      template.priority,
      template.labels,
      template.tags,
      template.selectorsAt(core.now),
    );
    this.admitNew(job, template.queue, template.policy);
    return job.index;
  }

  /** A new job's first steps: its selectors, then classification (with a policy) or its queue. */
  private admitNew(
    job: JobRecord,
    queue: QueueRecord | null,
    policy: ClassificationPolicyRecord | null,
  ): void {
    // A new record is not expedited, has no attached selectors and no expiry timer: only
    // requested selectors (most jobs have none) can change that.
    if (job.requestedWorkerSelectors.length > 0) {
      this.flow.setSelectors(job, job.requestedWorkerSelectors, NO_SELECTORS);
    }
    job.queue = queue;
    if (policy !== null) this.flow.classifyNew(job, policy);
    else this.flow.enterQueue(job, queue as QueueRecord, true);
  }

  /**
   * Merge-patch of a job (§2.1): a queued job whose matching inputs change is re-matched (a new
   * queue entry); a job whose classification failed is queued by a PATCH with a `queueId`.
   */
  private updateJob(job: JobRecord, spec: JobSpec): RouterResult<UpsertJobResult> {
    const policyId = spec.classificationPolicyId;
    const newPolicy =
      policyId !== undefined && policyId !== job.classificationPolicyId
        ? (this.flow.classificationPolicies.get(policyId) ?? null)
        : null;
    if (newPolicy !== null && job.status !== "queued" && !isHeld(job)) {
      return fail(
        "BadRequest",
        `job ${job.id} is ${job.status}: its classification policy changes only while it waits (queued, or held by its matching mode)`,
      );
    }
    // A held job takes its new policy when it is activated.
    if (newPolicy !== null && isHeld(job)) job.classificationPolicyId = newPolicy.id;
    const mode = spec.matchingMode;
    if (
      mode !== undefined &&
      (isHeld(job) || (job.status === "queued" && mode.kind !== "queueAndMatch"))
    ) {
      // A change of matching mode: the fields change while the job is in no queue.
      if (job.status === "queued") {
        this.flow.revokeAll(job);
        this.flow.leaveQueue(job);
      }
      this.applyUpdate(job, spec);
      if (mode.kind !== "queueAndMatch") this.modes.hold(job, mode);
      else {
        const id = job.classificationPolicyId;
        this.modes.activate(
          job,
          id === null ? null : (this.flow.classificationPolicies.get(id) ?? null),
        );
      }
      return ok({ jobId: job.id, status: job.status });
    }
    if (job.status === "classificationFailed") {
      this.applyUpdate(job, spec);
      if (spec.queueId !== undefined) {
        this.flow.enterQueue(job, job.queue as QueueRecord, false);
        // Live again (unless a trigger on entry ended it): selectors resume expiring.
        this.flow.expiry.arm(job);
      }
      return ok({ jobId: job.id, status: job.status });
    }
    const rematch =
      spec.labels !== undefined ||
      spec.requestedWorkerSelectors !== undefined ||
      (spec.queueId !== undefined && spec.queueId !== job.queue?.id) ||
      (spec.channelId !== undefined && spec.channelId !== job.channelId);
    const queued = job.status === "queued";
    if (queued && rematch) {
      // Offers go while the job is still in its lists, which keeps them consistent.
      this.flow.revokeAll(job);
      this.flow.leaveQueue(job);
    } else if (queued) {
      removeQueuedJob(job, job.queue as QueueRecord);
    }
    this.applyUpdate(job, spec);
    if (queued && rematch) {
      this.flow.enterQueue(job, job.queue as QueueRecord, false);
    } else if (queued) {
      addQueuedJob(job, job.queue as QueueRecord);
    }
    // A queued job with a classification policy is classified again by any change (by its new
    // policy when that is the change), as the service's recordings show: its prioritization
    // rule and selector attachments apply once more.
    const id = job.classificationPolicyId;
    const policy =
      newPolicy ?? (id === null ? null : (this.flow.classificationPolicies.get(id) ?? null));
    const changes = Object.keys(spec).some(
      (key) => key !== "id" && key !== "notes" && key !== "dispositionCode",
    );
    if (queued && policy !== null && changes) this.flow.reclassify(job, policy, NO_LABELS);
    return ok({ jobId: job.id, status: job.status });
  }

  private applyUpdate(job: JobRecord, spec: JobSpec): void {
    const core = this.core;
    if (spec.priority !== undefined) job.priority = spec.priority;
    if (spec.labels !== undefined) job.labels = frozenLabels(spec.labels);
    if (spec.tags !== undefined) job.tags = frozenLabels(spec.tags);
    if (spec.channelId !== undefined) job.channelId = spec.channelId;
    if (spec.queueId !== undefined) job.queue = core.queueById.get(spec.queueId) as QueueRecord;
    if (spec.requestedWorkerSelectors !== undefined) {
      const requested = toWorkerSelectors(spec.requestedWorkerSelectors, core.now);
      this.flow.setSelectors(job, requested, job.attachedWorkerSelectors);
    }
    setNotesAndDisposition(job, spec);
  }

  cancelJob(jobId: string, options: CancelOptions = NO_OPTIONS): EmptyResult {
    const job = this.core.findJob(jobId);
    if (job === undefined) return fail("NotFound", `Job not found. JobId: ${jobId}`);
    return this.cancel(job, options);
  }

  /** cancelJob by the job's slot. */
  cancelAt(jobSlot: number, options: CancelOptions = NO_OPTIONS): EmptyResult {
    const job = this.core.liveJobAt(jobSlot);
    if (job === undefined) return fail("NotFound", `Job not found. Job slot: ${jobSlot}`);
    return this.cancel(job, options);
  }

  private cancel(job: JobRecord, options: CancelOptions): EmptyResult {
    if (!CANCELLABLE.has(job.status)) {
      return fail("BadRequest", `job ${job.id} is ${job.status} and cannot be cancelled`);
    }
    this.modes.release(job);
    this.flow.cancel(job, options.note ?? null, options.dispositionCode ?? "Cancelled");
    return okEmpty();
  }

  /** The job's current assignment with this id, or an error result. */
  findAssignment(jobId: string, assignmentId: string): AssignmentRecord | RouterResult<never> {
    const job = this.core.findJob(jobId);
    if (job === undefined) return fail("NotFound", `Job not found. JobId: ${jobId}`);
    const assignment = job.assignment;
    if (assignment === null || assignment.assignmentId !== assignmentId) {
      return fail(
        "NotFound",
        `Assignment not found. AssignmentId: ${assignmentId}, JobId: ${jobId}`,
      );
    }
    return assignment;
  }

  /** The job's current assignment by handles (job slot, assignment sequence), or an error. */
  findAssignmentAt(jobSlot: number, sequence: number): AssignmentRecord | RouterResult<never> {
    const job = this.core.liveJobAt(jobSlot);
    if (job === undefined) return fail("NotFound", `Job not found. Job slot: ${jobSlot}`);
    const assignment = job.assignment;
    if (assignment === null || assignment.sequence !== sequence) {
      return fail(
        "NotFound",
        `Assignment not found. AssignmentId: ${ASSIGNMENT_ID_PREFIX + sequence}, JobId: ${job.id}`,
      );
    }
    return assignment;
  }

  /** Completes the job of an assignment found by `findAssignment(At)`. */
  complete(
    found: AssignmentRecord | RouterResult<never>,
    options: { note?: string } = NO_OPTIONS,
  ): EmptyResult {
    if (!(found instanceof AssignmentRecord)) return found;
    const job = found.job;
    if (job.status !== "assigned") {
      return fail("BadRequest", `job ${job.id} is ${job.status}; complete needs an assigned job`);
    }
    const core = this.core;
    job.status = "completed";
    found.completedAtSeconds = core.now;
    this.addNote(job, options.note);
    if (core.emitter.active) {
      core.emitter.jobCompleted(core.now, job.index, found.sequence, found.worker.index);
    }
    return okEmpty();
  }

  /** Closes the job of an assignment found by `findAssignment(At)`. */
  close(
    found: AssignmentRecord | RouterResult<never>,
    options: CloseOptions = NO_OPTIONS,
  ): EmptyResult {
    if (!(found instanceof AssignmentRecord)) return found;
    const job = found.job;
    if (job.status !== "completed") {
      return fail("BadRequest", `job ${job.id} is ${job.status}; close needs a completed job`);
    }
    if (job.closeTimer !== NO_TIMER) return fail("Conflict", `job ${job.id} is already closing`);
    const closeAtSeconds = options.closeAtSeconds;
    if (closeAtSeconds !== undefined && Number.isNaN(closeAtSeconds)) {
      return fail("BadRequest", "closeAt must be a time");
    }
    job.dispositionCode = options.dispositionCode ?? job.dispositionCode;
    this.addNote(job, options.note);
    if (closeAtSeconds !== undefined && closeAtSeconds > this.core.now) {
      job.closeTimer = this.core.engine.schedule(closeAtSeconds, this.closeHandler, job.index);
    } else {
      this.closeNow(found);
    }
    return okEmpty();
  }

  /** Fires a scheduled close. */
  closeScheduled(jobIndex: number): void {
    const job = this.core.jobAt(jobIndex);
    job.closeTimer = NO_TIMER;
    if (job.status === "completed" && job.assignment !== null) this.closeNow(job.assignment);
  }

  private closeNow(assignment: AssignmentRecord): void {
    const core = this.core;
    const job = assignment.job;
    job.status = "closed";
    assignment.closedAtSeconds = core.now;
    this.releaseAssignment(assignment);
    this.flow.expiry.disarm(job);
    if (core.emitter.active) {
      core.emitter.jobClosed(core.now, job.index, assignment.sequence, assignment.worker.index);
    }
    core.forgetJob(job);
    this.afterRelease(assignment);
    core.recycleAssignment(assignment);
  }

  /** Unassigns the job of an assignment found by `findAssignment(At)`. */
  unassign(
    found: AssignmentRecord | RouterResult<never>,
    options: { suspendMatching?: boolean } = NO_OPTIONS,
  ): RouterResult<UnassignResult> {
    if (!(found instanceof AssignmentRecord)) return found;
    const job = found.job;
    const jobId = job.id;
    if (job.status !== "assigned") {
      return fail("BadRequest", `job ${jobId} is ${job.status}; unassign needs an assigned job`);
    }
    if (job.unassignmentCount >= MAX_UNASSIGNMENTS) {
      return fail(
        "BadRequest",
        `job ${jobId} has been unassigned ${MAX_UNASSIGNMENTS} times, the maximum`,
      );
    }
    const core = this.core;
    job.unassignmentCount++;
    job.assignment = null;
    this.releaseAssignment(found);
    if (core.emitter.active) {
      core.emitter.jobUnassigned(core.now, job.index, found.sequence, found.worker.index);
    }
    if (options.suspendMatching === true) {
      job.status = "waitingForActivation";
      if (core.emitter.active) core.emitter.jobWaitingForActivation(core.now, job.index);
    } else {
      this.flow.enterQueue(job, job.queue as QueueRecord, false);
    }
    this.afterRelease(found);
    core.recycleAssignment(found);
    return ok({ jobId, unassignmentCount: job.unassignmentCount });
  }

  /** Gives the assignment's capacity back to its worker. */
  private releaseAssignment(assignment: AssignmentRecord): void {
    const worker = assignment.worker;
    removeItem(worker.assignments, assignment);
    this.core.changeLoad(worker, assignment.channel, -1);
  }

  /** A draining worker with nothing left becomes inactive; an active one looks for work. */
  private afterRelease(assignment: AssignmentRecord): void {
    const worker = assignment.worker;
    if (worker.state === "draining" && worker.assignments.length === 0) worker.state = "inactive";
    else if (worker.state === "active") this.matcher.requestWorker(worker);
  }

  private addNote(job: JobRecord, note: string | undefined): void {
    if (note !== undefined) addNote(job, note, this.core.now);
  }
}
