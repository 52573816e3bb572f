/**
 * The Job Router service facade (Azure Communication Services Job Router 2023-11-01): takes the
 * service's operations, sets its own timers on the engine, runs matching and says what happened:
 * to observers as typed calls with numeric handles (observer.ts), to subscribers as event
 * objects built only for them (event-relay.ts). Every operation validates, changes state, says
 * its events in cause-then-effect order (§8 q), then drains the matching agenda, whose offers
 * follow. Operations called from inside an observer or listener throw `RouterReentrancyError`;
 * call them from engine event handlers instead. Observers act by handles (`acceptOffer`, …),
 * the same operations as the string ones. Complexities: see core.ts, matching.ts, queue-order.ts.
 *
 * Choices where the reference is silent (beyond §8): state errors (cancel assigned, close or
 * complete in the wrong status, 4th unassign, position of a job not queued) are BadRequest; a
 * wrong assignment id is NotFound; accepting one's own offer after the job went to an accept is
 * Conflict, any other stale offer NotFound. Unassign with suspendMatching emits
 * RouterJobWaitingForActivation. A PATCH of labels, selectors, queue or channel of a queued job
 * revokes its offers and re-queues it (JobQueued); priority or tags alone just reorder it.
 * Re-registration also lifts a decline's retryOfferAt exclusion, which otherwise ends when its
 * retry timer fires. Within one operation the matching agenda runs in request order: the job
 * that lost an offer before the freed worker.
 *
 * Ended jobs are forgotten at once, so memory does not grow with the job count: the service
 * keeps a closed or cancelled job until DELETE, the simulator deletes it when it ends. Then
 * `getJob` returns undefined, operations on it and on its (stale) offers are NotFound, and its
 * id may be used by a new job. A job whose classification failed stays: it awaits a PATCH.
 *
 * Classification runs inside the operation that creates the job (Received, Classified, Queued,
 * then offers); a failed job is queued by a PATCH with a `queueId`; `classificationPolicyId`
 * cannot change by PATCH. ccsim's answers to the open questions of §9 are in the module
 * headers (each item of §9 names its file): queue choice and priority in classification.ts,
 * attachments in attachments.ts, exception entries and actions in job-flow.ts and
 * exceptions.ts (manualReclassify appends its selectors), selector expiry base times in
 * selectors.ts.
 */
import type { Engine } from "../engine/engine.ts";
import { NO_RANDOM } from "./classification/attachments.ts";
import { buildWorker, RouterConfigError } from "./configuration/config.ts";
import {
  addClassificationPolicy,
  addDistributionPolicy,
  addExceptionPolicy,
  addQueue,
  attachExceptionPolicy,
  configureResources,
  ruleStride,
} from "./configuration/configure.ts";
import {
  replaceClassificationPolicy,
  replaceDistributionPolicy,
  replaceExceptionPolicy,
  replaceQueue,
} from "./configuration/reconfigure.ts";
import { changeWorker } from "./configuration/worker-change.ts";
import { RouterCore } from "./core.ts";
import { Matcher } from "./distribution/matching.ts";
import { EventRelay } from "./events/event-relay.ts";
import type { RouterListener } from "./events/events.ts";
import type { RouterObserver, RouterView } from "./events/observer.ts";
import { JobFlow } from "./jobs/job-flow.ts";
import {
  type CancelOptions,
  type CloseOptions,
  JobOperations,
  type UnassignResult,
  type UpsertJobResult,
} from "./jobs/job-operations.ts";
import { type JobTemplate, type JobTemplateSpec, prepareJobTemplate } from "./jobs/job-template.ts";
import { MatchingModes } from "./jobs/matching-modes.ts";
import { positionInQueue } from "./jobs/queue-order.ts";
import { isEnded, SelectorExpiry } from "./jobs/selector-expiry.ts";
import { NO_LABELS } from "./labels.ts";
import { OfferOutcome } from "./offers/offer-log.ts";
import {
  type AcceptedOffer,
  type AcceptResult,
  OfferOperations,
} from "./offers/offer-operations.ts";
import {
  type EmptyResult,
  fail,
  failWithDetail,
  ok,
  okEmpty,
  type RouterFailure,
  type RouterResult,
} from "./results.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  JobSpec,
  QueueSpec,
  RouterConfig,
  WorkerSpec,
  WorkerUpdate,
} from "./types.ts";
import {
  HandleView,
  type JobPosition,
  type JobView,
  jobView,
  type QueueStatistics,
  queueStatistics,
  type WorkerView,
  workerView,
} from "./views.ts";

/** An operation was called from inside a router event listener. */
export class RouterReentrancyError extends Error {
  override name = "RouterReentrancyError";
}

/** The router's timers fire before same-time events of other classes. */
const ROUTER_PRIORITY_CLASS = 0;

/** The Job Router service on a simulated clock. */
export class Router {
  /** Internal state, exposed for `checkInvariants`; not part of the service API. */
  readonly core: RouterCore;
  private readonly matcher: Matcher;
  private readonly jobOperations: JobOperations;
  private readonly offerOperations: OfferOperations;
  private readonly flow: JobFlow;
  private readonly modes: MatchingModes;
  private readonly routerView: RouterView;
  /** Whether the config gave a random source (weighted allocations draw from it). */
  private readonly hasRandom: boolean;
  /** The most rules an exception policy may have: the timers' stride (`ruleStride`). */
  private readonly rulesPerPolicy: number;

  constructor(engine: Engine, config: RouterConfig) {
    // The timers first: their handlers reach the parts built below through `this` when they
    // fire, so each part gets its handler id when it is constructed (nothing is wired later).
    const offerExpiryHandler = this.timer(engine, "router:offerExpiry", (sequence) =>
      this.offerOperations.expire(sequence),
    );
    const retryHandler = this.timer(engine, "router:declineRetry", (token) =>
      this.offerOperations.retry(token),
    );
    const closeHandler = this.timer(engine, "router:scheduledClose", (jobIndex) =>
      this.jobOperations.closeScheduled(jobIndex),
    );
    const selectorExpiryHandler = this.timer(engine, "router:selectorExpiry", (jobIndex) =>
      this.flow.expiry.fire(jobIndex),
    );
    const waitTimeHandler = this.timer(engine, "router:exceptionWaitTime", (argument) =>
      this.flow.exceptions.fireTimer(argument),
    );
    const scheduleHandler = this.timer(engine, "router:matchingSchedule", (jobSlot) =>
      this.modes.reachSchedule(jobSlot),
    );
    const core = new RouterCore(engine, offerExpiryHandler, config.retainEndedJobs === true);
    this.hasRandom = config.random !== undefined;
    this.rulesPerPolicy = ruleStride(config);
    this.core = core;
    this.routerView = new HandleView(core);
    this.matcher = new Matcher(core);
    this.flow = new JobFlow(
      core,
      this.matcher,
      new SelectorExpiry(core, this.matcher, selectorExpiryHandler),
      core.classificationPolicies,
      config.random ?? NO_RANDOM,
      { ruleStride: this.rulesPerPolicy, waitTimeHandler },
    );
    this.modes = new MatchingModes(core, this.flow, scheduleHandler);
    this.jobOperations = new JobOperations(core, this.matcher, this.flow, closeHandler, this.modes);
    this.offerOperations = new OfferOperations(core, this.matcher, this.flow, retryHandler);
    configureResources(core, config);
    for (const spec of config.workers ?? []) {
      const result = this.upsertWorker(spec);
      if (!result.ok) throw new RouterConfigError(result.error.message);
    }
  }

  /**
   * Adds a listener of every router event, as RouterEvent objects (the string-id facade: built
   * only while someone subscribes); returns a function that removes it.
   */
  subscribe(listener: RouterListener): () => void {
    return this.core.emitter.observe(new EventRelay(this.core, listener));
  }

  /**
   * Adds an observer of what the router says, as typed calls with numeric handles, called after
   * the observers and listeners added before it; returns a function that removes it.
   */
  observe(observer: RouterObserver): () => void {
    return this.core.emitter.observe(observer);
  }

  /** Read-only answers about the handles observers are given. */
  get view(): RouterView {
    return this.routerView;
  }

  // --- Jobs ---------------------------------------------------------------------------------

  /** Creates a job (queued at once in its `queueId`) or merge-patches an existing one. */
  upsertJob(spec: JobSpec): RouterResult<UpsertJobResult> {
    this.enter();
    const ended = this.core.endedJobs?.get(spec.id);
    if (ended !== undefined) {
      return fail(
        "Conflict",
        `job ${spec.id} has ended (${ended.status}) and is kept until deleted; delete it before reusing its id`,
      );
    }
    return this.leave(this.jobOperations.upsertJob(spec));
  }

  /**
   * A job template: the spec of jobs that differ only in their id, checked and resolved once
   * for `createJobFrom` (job-template.ts). Changes nothing; an invalid spec gives a template
   * every creation from which is refused as upsertJob would refuse it.
   */
  prepareJobTemplate(spec: JobTemplateSpec): JobTemplate {
    return prepareJobTemplate(this.core, this.flow.classificationPolicies, spec);
  }

  /**
   * upsertJob with the template's spec and this `id` (the same answers, observer calls, events
   * and state), answering with the job's slot (the handle observers hear) when it succeeds:
   * no result object per job.
   */
  createJobFrom(template: JobTemplate, id: string): number | RouterFailure {
    this.enter();
    if (template.core !== this.core) throw new Error("a job template of another router");
    return this.leave(this.jobOperations.createFromTemplate(template, id));
  }

  /** Cancels a job that is not yet assigned (§8 e); revokes its offers. */
  cancelJob(jobId: string, options?: CancelOptions): EmptyResult {
    this.enter();
    return this.leave(this.jobOperations.cancelJob(jobId, options));
  }

  /**
   * Classifies a queued job again with its classification policy, as the service's
   * `:reclassify` does (its labels as they are now; offers revoked, queue and selectors as the
   * policy decides). A job without a policy is re-queued as it is.
   */
  reclassifyJob(jobId: string): EmptyResult {
    this.enter();
    const job = this.core.findJob(jobId);
    const status = job?.status ?? this.core.endedJobs?.get(jobId)?.status;
    if (status === undefined) return this.leave(fail("NotFound", `Job not found. JobId: ${jobId}`));
    if (job === undefined || job.status !== "queued") {
      return this.leave(
        fail("BadRequest", `job ${jobId} is ${status}: only a queued job can be reclassified`),
      );
    }
    this.flow.reclassify(job, null, NO_LABELS);
    return this.leave(okEmpty());
  }

  /** Completes an assigned job (wrap-up starts; capacity stays held). */
  completeJob(jobId: string, assignmentId: string, options?: { note?: string }): EmptyResult {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.complete(jobs.findAssignment(jobId, assignmentId), options));
  }

  /** Closes a completed job, now or at `closeAtSeconds`; releases capacity. */
  closeJob(jobId: string, assignmentId: string, options?: CloseOptions): EmptyResult {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.close(jobs.findAssignment(jobId, assignmentId), options));
  }

  /** Unassigns an assigned job (at most 3 times); re-queues it unless `suspendMatching`. */
  unassignJob(
    jobId: string,
    assignmentId: string,
    options?: { suspendMatching?: boolean },
  ): RouterResult<UnassignResult> {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.unassign(jobs.findAssignment(jobId, assignmentId), options));
  }

  // --- Offers -------------------------------------------------------------------------------

  /** Accepts an open offer; the job's other open offers are revoked. */
  acceptJobOffer(workerId: string, offerId: string): RouterResult<AcceptResult> {
    this.enter();
    return this.leave(this.offerOperations.acceptJobOffer(workerId, offerId));
  }

  /** Declines an open offer, optionally allowing a new offer at `retryOfferAtSeconds`. */
  declineJobOffer(
    workerId: string,
    offerId: string,
    options?: { retryOfferAtSeconds?: number },
  ): EmptyResult {
    this.enter();
    return this.leave(this.offerOperations.declineJobOffer(workerId, offerId, options));
  }

  // --- The same operations by handles --------------------------------------------------------
  // For observers, which hear handles (observer.ts): the same results and error answers as the
  // string operations (which are facades over the same code), without formatting or parsing an
  // id. A stale handle (a forgotten job's slot) is NotFound, as a stale id is.

  /** acceptJobOffer by the worker's index and the offer's sequence. */
  acceptOffer(worker: number, offer: number): RouterResult<AcceptedOffer> {
    this.enter();
    return this.leave(this.offerOperations.acceptOffer(worker, offer));
  }

  /** declineJobOffer by the worker's index and the offer's sequence. */
  declineOffer(
    worker: number,
    offer: number,
    options?: { retryOfferAtSeconds?: number },
  ): EmptyResult {
    this.enter();
    return this.leave(this.offerOperations.declineOffer(worker, offer, options));
  }

  /** completeJob by the job's slot and the assignment's sequence. */
  completeAssignment(job: number, assignment: number, options?: { note?: string }): EmptyResult {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.complete(jobs.findAssignmentAt(job, assignment), options));
  }

  /** closeJob by the job's slot and the assignment's sequence. */
  closeAssignment(job: number, assignment: number, options?: CloseOptions): EmptyResult {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.close(jobs.findAssignmentAt(job, assignment), options));
  }

  /** unassignJob by the job's slot and the assignment's sequence. */
  unassignAssignment(
    job: number,
    assignment: number,
    options?: { suspendMatching?: boolean },
  ): RouterResult<UnassignResult> {
    this.enter();
    const jobs = this.jobOperations;
    return this.leave(jobs.unassign(jobs.findAssignmentAt(job, assignment), options));
  }

  /** cancelJob by the job's slot. */
  cancelJobAt(job: number, options?: CancelOptions): EmptyResult {
    this.enter();
    return this.leave(this.jobOperations.cancelAt(job, options));
  }

  // --- Workers ------------------------------------------------------------------------------

  /**
   * Creates a worker (registered when `availableForOffers` is true, otherwise inactive) or
   * changes an existing one: the fields given (configuration/worker-change.ts says what goes
   * with a change), then `availableForOffers`.
   */
  upsertWorker(spec: WorkerSpec | WorkerUpdate): RouterResult<WorkerView> {
    this.enter();
    return this.leave(this.upsertWorkerNow(spec));
  }

  private upsertWorkerNow(spec: WorkerSpec | WorkerUpdate): RouterResult<WorkerView> {
    const core = this.core;
    let worker = core.workerById.get(spec.id);
    if (worker !== undefined) {
      const { id: _id, availableForOffers: _available, ...changes } = spec;
      if (Object.keys(changes).length > 0) {
        const changing = worker;
        const failed = this.configuring(() =>
          changeWorker(core, changing, changes, (offer) =>
            this.matcher.revoke(offer, OfferOutcome.revoked),
          ),
        );
        if (!failed.ok) return failed;
        this.matcher.requestWorker(changing);
      }
    } else {
      if (!isNewWorkerSpec(spec)) {
        return fail(
          "BadRequest",
          `worker ${spec.id}: a new worker needs capacity, queues and channels`,
        );
      }
      try {
        worker = buildWorker(spec, core.workers.length, core.queueById);
      } catch (error) {
        if (error instanceof RouterConfigError) return fail("BadRequest", error.message);
        throw error;
      }
      core.workers.push(worker);
      core.workerById.set(worker.id, worker);
    }
    if (spec.availableForOffers === true) this.offerOperations.register(worker);
    else if (spec.availableForOffers === false) this.offerOperations.deregister(worker);
    return ok(workerView(worker));
  }

  /** Sets `availableForOffers: true`. */
  registerWorker(workerId: string): RouterResult<WorkerView> {
    return this.setAvailability(workerId, true);
  }

  /** Sets `availableForOffers: false` (draining while the worker holds jobs). */
  deregisterWorker(workerId: string): RouterResult<WorkerView> {
    return this.setAvailability(workerId, false);
  }

  private setAvailability(workerId: string, availableForOffers: boolean): RouterResult<WorkerView> {
    if (!this.core.workerById.has(workerId)) {
      return fail("NotFound", `Worker not found. WorkerId: ${workerId}`);
    }
    return this.upsertWorker({ id: workerId, availableForOffers });
  }

  // --- Reads --------------------------------------------------------------------------------

  /** Snapshot of a job, or undefined. */
  getJob(jobId: string): JobView | undefined {
    const job = this.core.findJob(jobId);
    return job === undefined ? this.core.endedJobs?.get(jobId) : jobView(job);
  }

  /**
   * Deletes an ended job kept by `retainEndedJobs`. A live job cannot go (Conflict: cancel or
   * close it first), as in the service; without retention every known job is live.
   */
  deleteJob(jobId: string): EmptyResult {
    this.enter();
    const job = this.core.findJob(jobId);
    if (job !== undefined) {
      return fail(
        "Conflict",
        `job ${jobId} is ${job.status}: cancel or close it before deleting it`,
      );
    }
    if (this.core.endedJobs?.delete(jobId) === true) return okEmpty();
    return fail("NotFound", `Job not found. JobId: ${jobId}`);
  }

  /**
   * Jobs in the system: created and not yet closed, cancelled or failed at classification.
   * O(live jobs); for consistency checks, such as the world's against the router.
   */
  countJobsInSystem(): number {
    let count = 0;
    for (const job of this.core.jobs) if (!isEnded(job.status)) count++;
    return count;
  }

  // --- Resources at run time ----------------------------------------------------------------

  /**
   * Adds a distribution policy after construction (the service's create). An existing id is a
   * Conflict: changing a policy under live queues is not supported.
   */
  addDistributionPolicy(spec: DistributionPolicySpec): EmptyResult {
    this.enter();
    if (this.core.policies.has(spec.id)) {
      return fail("Conflict", `distribution policy ${spec.id} exists`);
    }
    return this.configuring(() => addDistributionPolicy(this.core, spec));
  }

  /**
   * Adds a queue after construction, on an existing distribution policy (and exception policy).
   * An existing id is a Conflict. Jobs and workers may name it from then on.
   */
  addQueue(spec: QueueSpec): EmptyResult {
    this.enter();
    const core = this.core;
    if (core.queueById.has(spec.id)) return fail("Conflict", `queue ${spec.id} exists`);
    return this.configuring(() =>
      attachExceptionPolicy(core, addQueue(core, spec, new Set(core.exceptionPolicies.keys()))),
    );
  }

  /**
   * Adds a classification policy after construction, naming existing queues. An existing id is
   * a Conflict; a weighted allocation needs the router's random source (the config's).
   */
  addClassificationPolicy(spec: ClassificationPolicySpec): EmptyResult {
    this.enter();
    const core = this.core;
    if (core.classificationPolicies.has(spec.id)) {
      return fail("Conflict", `classification policy ${spec.id} exists`);
    }
    return this.configuring(() => addClassificationPolicy(core, spec, this.hasRandom));
  }

  /**
   * Adds an exception policy after construction, naming existing queues and classification
   * policies; at most `exceptionRulesPerPolicy` rules (the config's). An existing id is a
   * Conflict. Queues added later may name it.
   */
  addExceptionPolicy(spec: ExceptionPolicySpec): EmptyResult {
    this.enter();
    const core = this.core;
    if (core.exceptionPolicies.has(spec.id)) {
      return fail("Conflict", `exception policy ${spec.id} exists`);
    }
    if (spec.exceptionRules.length > this.rulesPerPolicy) {
      return fail(
        "BadRequest",
        `exception policy ${spec.id}: at most ${this.rulesPerPolicy} rules (it has ${spec.exceptionRules.length})`,
      );
    }
    return this.configuring(() => addExceptionPolicy(core, spec));
  }

  /**
   * Deletes a distribution policy no queue uses; one in use is a BadRequest with the service's
   * `QueueExistsWithDistributionPolicy`.
   */
  deleteDistributionPolicy(id: string): EmptyResult {
    this.enter();
    const core = this.core;
    if (!core.policies.has(id)) return fail("NotFound", `Distribution policy not found. Id: ${id}`);
    const user = core.liveQueues.find((queue) => queue.policy.id === id);
    if (user !== undefined) {
      return failWithDetail(
        "BadRequest",
        "QueueExistsWithDistributionPolicy",
        `queue ${user.id} uses distribution policy ${id}`,
      );
    }
    core.policies.delete(id);
    return okEmpty();
  }

  /**
   * Deletes a classification policy no live job names; otherwise a BadRequest with the
   * service's `ActiveJobWithClassificationPolicyExist`. An exception policy's reclassify action
   * that names it keeps it as it was (the service, recorded, deletes it all the same).
   */
  deleteClassificationPolicy(id: string): EmptyResult {
    this.enter();
    const core = this.core;
    if (!core.classificationPolicies.has(id)) {
      return fail("NotFound", `Classification policy not found. Id: ${id}`);
    }
    for (const job of core.jobs) {
      if (job.classificationPolicyId === id && !isEnded(job.status)) {
        return failWithDetail(
          "BadRequest",
          "ActiveJobWithClassificationPolicyExist",
          `job ${job.id} is active with classification policy ${id}`,
        );
      }
    }
    core.classificationPolicies.delete(id);
    return okEmpty();
  }

  /**
   * Deletes an exception policy no queue names; one in use is a BadRequest with the service's
   * `QueueExistsWithExceptionPolicy`.
   */
  deleteExceptionPolicy(id: string): EmptyResult {
    this.enter();
    const core = this.core;
    if (!core.exceptionPolicies.has(id)) {
      return fail("NotFound", `Exception policy not found. Id: ${id}`);
    }
    const user = core.liveQueues.find((queue) => queue.exceptionPolicyId === id);
    if (user !== undefined) {
      return failWithDetail(
        "BadRequest",
        "QueueExistsWithExceptionPolicy",
        `queue ${user.id} uses exception policy ${id}`,
      );
    }
    core.exceptionPolicies.delete(id);
    return okEmpty();
  }

  /**
   * Deletes a queue nothing holds on to: no live job in it, no worker serving it and no
   * exception policy moving jobs to it (Conflict otherwise, naming each, as the service's 409
   * does). A classification policy falling back to it no longer can (the service, recorded,
   * deletes such a queue): its jobs fail classification when no selector chooses a queue. Its id
   * is forgotten and classification no longer chooses it; its record stays behind its index for
   * the handles observers hold.
   */
  deleteQueue(id: string): EmptyResult {
    this.enter();
    const core = this.core;
    const queue = core.queueById.get(id);
    if (queue === undefined) return fail("NotFound", `Queue not found. QueueId: ${id}`);
    const reasons: string[] = [];
    for (const job of core.jobs) {
      if (job.queue === queue && !isEnded(job.status)) {
        reasons.push(`job ${job.id} is active in it`);
        break;
      }
    }
    const [worker] = core.workersServing(queue);
    if (worker !== undefined) reasons.push(`worker ${worker.id} serves it`);
    for (const policy of core.exceptionPolicies.values()) {
      const moving = policy.rules.some((rule) =>
        rule.actions.some((action) => action.kind === "manualReclassify" && action.queue === queue),
      );
      if (moving) reasons.push(`exception policy ${policy.id} moves jobs to it`);
    }
    if (reasons.length > 0) {
      return fail("Conflict", `queue ${id} cannot be deleted: ${reasons.join("; ")}`);
    }
    core.queueById.delete(id);
    core.liveQueues.splice(core.liveQueues.indexOf(queue), 1);
    return okEmpty();
  }

  /**
   * Changes an existing distribution policy, rebuilding what its queues built on it when the
   * change alters how they distribute (configuration/reconfigure.ts); NotFound when there is
   * none, BadRequest when the spec is invalid.
   */
  updateDistributionPolicy(spec: DistributionPolicySpec): EmptyResult {
    this.enter();
    if (!this.core.policies.has(spec.id)) {
      return fail("NotFound", `Distribution policy not found. Id: ${spec.id}`);
    }
    return this.leave(
      this.configuring(() => replaceDistributionPolicy(this.core, spec, this.matcher)),
    );
  }

  /** Changes an existing queue: its name, labels and policies (as updateDistributionPolicy). */
  updateQueue(spec: QueueSpec): EmptyResult {
    this.enter();
    if (!this.core.queueById.has(spec.id)) {
      return fail("NotFound", `Queue not found. QueueId: ${spec.id}`);
    }
    return this.leave(
      this.configuring(() => replaceQueue(this.core, spec, this.matcher, this.flow.exceptions)),
    );
  }

  /** Changes an existing classification policy; jobs classified already keep their outcome. */
  updateClassificationPolicy(spec: ClassificationPolicySpec): EmptyResult {
    this.enter();
    if (!this.core.classificationPolicies.has(spec.id)) {
      return fail("NotFound", `Classification policy not found. Id: ${spec.id}`);
    }
    return this.configuring(() => replaceClassificationPolicy(this.core, spec, this.hasRandom));
  }

  /** Changes an existing exception policy; jobs waiting under it run under the new rules. */
  updateExceptionPolicy(spec: ExceptionPolicySpec): EmptyResult {
    this.enter();
    if (!this.core.exceptionPolicies.has(spec.id)) {
      return fail("NotFound", `Exception policy not found. Id: ${spec.id}`);
    }
    if (spec.exceptionRules.length > this.rulesPerPolicy) {
      return fail(
        "BadRequest",
        `exception policy ${spec.id}: at most ${this.rulesPerPolicy} rules (it has ${spec.exceptionRules.length})`,
      );
    }
    return this.leave(
      this.configuring(() => replaceExceptionPolicy(this.core, spec, this.flow.exceptions)),
    );
  }

  /** Runs a configuration step, answering its RouterConfigError as a BadRequest. */
  private configuring(step: () => void): EmptyResult {
    try {
      step();
    } catch (error) {
      if (error instanceof RouterConfigError) return fail("BadRequest", error.message);
      throw error;
    }
    return okEmpty();
  }

  /** Snapshots of every worker (deleted ones excluded), in creation order. O(workers). */
  listWorkers(): WorkerView[] {
    const byId = this.core.workerById;
    return this.core.workers.filter((worker) => byId.get(worker.id) === worker).map(workerView);
  }

  /**
   * Deletes a worker that holds no assigned job (Conflict otherwise: close or unassign them
   * first): it is deregistered, which revokes its open offers, and its id is forgotten, so a
   * new worker may take it. Its record stays behind its index, inactive, for the handles that
   * observers and past offers hold.
   */
  deleteWorker(workerId: string): EmptyResult {
    this.enter();
    const core = this.core;
    const worker = core.workerById.get(workerId);
    if (worker === undefined) return fail("NotFound", `Worker not found. WorkerId: ${workerId}`);
    if (worker.assignments.length > 0) {
      const jobs = worker.assignments.map((assignment) => assignment.job.id).join(", ");
      return fail(
        "Conflict",
        `worker ${workerId} holds assigned jobs (${jobs}): close or unassign them first`,
      );
    }
    this.offerOperations.deregister(worker);
    core.workerById.delete(workerId);
    return this.leave(okEmpty());
  }

  /** Snapshot of a worker, or undefined. */
  getWorker(workerId: string): WorkerView | undefined {
    const worker = this.core.workerById.get(workerId);
    return worker === undefined ? undefined : workerView(worker);
  }

  /** Queue length, longest wait, queued priorities, active workers. O(queue length + workers). */
  getQueueStatistics(queueId: string): RouterResult<QueueStatistics> {
    const queue = this.core.queueById.get(queueId);
    if (queue === undefined) return fail("NotFound", `Queue not found. QueueId: ${queueId}`);
    return ok(queueStatistics(this.core, queue));
  }

  /** 1-based position of a queued job in queue order. O(log n). */
  getJobPosition(jobId: string): RouterResult<JobPosition> {
    const job = this.core.findJob(jobId);
    if (job === undefined) return fail("NotFound", `Job not found. JobId: ${jobId}`);
    const queue = job.queue;
    if (job.status !== "queued" || queue === null) {
      return fail("BadRequest", `job ${jobId} is ${job.status}, not queued`);
    }
    return ok({
      jobId,
      position: positionInQueue(job, queue),
      queueId: queue.id,
      queueLength: queue.jobs.length,
    });
  }

  // --- Plumbing -----------------------------------------------------------------------------

  /** Refuses operations from inside a listener, so event order stays deterministic. */
  private enter(): void {
    if (this.core.emitter.inListener) {
      throw new RouterReentrancyError(
        "a router operation was called from inside a router event listener; schedule it on the engine instead",
      );
    }
  }

  /**
   * Registers a router timer: its handler runs `action`, then the matching it requested. One
   * closure per handler, none per fired timer.
   */
  private timer(engine: Engine, name: string, action: (argument: number) => void): number {
    return engine.registerHandler(
      name,
      (argument) => {
        action(argument);
        this.matcher.drain();
      },
      ROUTER_PRIORITY_CLASS,
    );
  }

  /** Runs the matching an operation requested (its offers follow its events), then returns. */
  private leave<T>(result: T): T {
    this.matcher.drain();
    return result;
  }
}

/** Whether `spec` has what a new worker needs (an update names only what changes). */
function isNewWorkerSpec(spec: WorkerSpec | WorkerUpdate): spec is WorkerSpec {
  return spec.capacity !== undefined && spec.queues !== undefined && spec.channels !== undefined;
}
