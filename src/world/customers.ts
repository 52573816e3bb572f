/**
 * The customers: each arrival stream creates jobs `<id>-1`, `<id>-2`, … at the times its arrival
 * process gives, in [0, horizon). A job's handle time and patience are drawn, when it arrives,
 * from its stream's own random streams (`arrivals:<id>` → `handle`, `patience`), so the same seed
 * gives the same customers whatever the routing does. Patience cancels a job that is not yet
 * assigned with dispositionCode `Abandoned`; it is withdrawn at the job's first assignment.
 * Per-job state lives in tables indexed by the router's job slot (the handle its calls name a job
 * by), written when the router says it received a job the world is creating: no slot of the
 * world's own, no mapping, nothing allocated per job but its id. Jobs are created from a job
 * template per stream (the router checks and resolves the stream's spec once), but for a job
 * a trace gives labels of its own, which upsertJob creates from a spec with those labels.
 */

import { objectArray } from "../collections/object-array.ts";
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import type { Distribution, RandomStream } from "../random/index.ts";
import { createDistribution } from "../random/index.ts";
import type {
  JobSpec,
  JobTemplate,
  JobTemplateSpec,
  Router,
  RouterFailure,
} from "../router/index.ts";
import type { ArrivalSpec, TraceArrivals } from "../scenario/index.ts";
import {
  type ArrivalProcess,
  ListedArrivals,
  PiecewisePoissonArrivals,
  PoissonArrivals,
  RenewalArrivals,
} from "./arrivals.ts";
import { JobIdFormatter } from "./job-ids.ts";
import { WorldPriority } from "./priorities.ts";
import { refused } from "./router-refusals.ts";

/** No job: the router has not received the job being created (yet). */
const NO_JOB = -1;

/**
 * Arrival streams up to which each stream's arrivals wait in an engine lane of their own (a
 * stream's arrivals come in time order, one pending at a time) instead of the event heap: a
 * push and a pop of the heap per job saved. Past it the heap serves them all, as the engine
 * compares every live lane's head when one is due, a cost growing with the lanes.
 */
export const MAX_ARRIVAL_LANES = 8;

/** A stream whose arrivals go through the heap. */
const NO_LANE = -1;

/** A patience of a stream without patience. */
const NO_PATIENCE = -1;

// A job's row in `Customers.jobTable`: its fields, side by side, so that a job read back after
// a long wait in a queue (its patience withdrawn, its handle time, its end) costs one cold
// cache line, not one per field in tables of their own.
/** 1 for a job of the world in the system, 0 for a slot free or someone else's job. */
const OWNS = 0;
const HANDLE_SECONDS = 1;
/** The patience timer (NO_TIMER when none: not scheduled, fired or withdrawn). */
const PATIENCE_TIMER = 2;
/** RouterJobUnassigned events seen: the service refuses unassigns past a limit. */
const UNASSIGNMENTS = 3;
const ROW = 4;
/** Rows allocated at first; the table doubles when a slot lies past it. */
const INITIAL_ROWS = 64;

/** Disposition code of a job cancelled because the customer hung up. */
export const ABANDONED = "Abandoned";

/** How a hung-up customer's job is cancelled (one object: the router only reads it). */
const HUNG_UP = { dispositionCode: ABANDONED, note: "The customer hung up." } as const;

interface ArrivalStream {
  readonly spec: ArrivalSpec;
  /** Formats `<id>-<number>`. */
  readonly jobIds: JobIdFormatter;
  /** The stream's jobs' template: every job but those a trace gives labels of their own. */
  readonly template: JobTemplate;
  /** The spec of a job with labels of its own (upsertJob). */
  readonly jobSpecOf: JobSpecOf;
  readonly process: ArrivalProcess;
  readonly handleTime: Distribution;
  readonly handleRandom: RandomStream;
  readonly patience: Distribution | null;
  readonly patienceRandom: RandomStream;
  created: number;
}

/** The router's spec of a stream's job `jobId` with `labels`. */
type JobSpecOf = (jobId: string, labels: ArrivalSpec["labels"]) => JobSpec;

/** The labels an arrival process gives a job of its own (a trace's). */
type ArrivalLabels = NonNullable<ReturnType<ArrivalProcess["labelsOfLast"]>>;

/** The template of a stream's jobs: the fields of its spec that every job shares. */
function jobTemplateSpecOf(spec: ArrivalSpec): JobTemplateSpec {
  const { channelId, queueId, classificationPolicyId, priority, labels, tags } = spec;
  return {
    channelId,
    priority,
    labels,
    tags,
    requestedWorkerSelectors: spec.requestedWorkerSelectors,
    ...(queueId === undefined ? {} : { queueId }),
    ...(classificationPolicyId === undefined ? {} : { classificationPolicyId }),
  };
}

/** A job spec the world rewrites for each job of a stream. */
type ReusedJobSpec = { -readonly [Field in keyof JobSpec]: JobSpec[Field] };

/**
 * A stream's job specs: one object per stream, of one shape (only the fields the stream sets
 * are given), whose id and labels are rewritten for each job instead of a new spec per job.
 * Safe because upsertJob reads its spec during the call and keeps nothing of it (it copies
 * labels and selectors), and nothing else sees the spec.
 */
function jobSpecMaker(spec: ArrivalSpec): JobSpecOf {
  const { channelId, queueId, classificationPolicyId, priority, tags } = spec;
  const requestedWorkerSelectors = spec.requestedWorkerSelectors;
  const labels = spec.labels;
  let jobSpec: ReusedJobSpec;
  if (queueId !== undefined && classificationPolicyId !== undefined) {
    jobSpec = {
      id: "",
      channelId,
      queueId,
      classificationPolicyId,
      priority,
      labels,
      tags,
      requestedWorkerSelectors,
    };
  } else if (queueId !== undefined) {
    jobSpec = { id: "", channelId, queueId, priority, labels, tags, requestedWorkerSelectors };
  } else if (classificationPolicyId !== undefined) {
    jobSpec = {
      id: "",
      channelId,
      classificationPolicyId,
      priority,
      labels,
      tags,
      requestedWorkerSelectors,
    };
  } else {
    jobSpec = { id: "", channelId, priority, labels, tags, requestedWorkerSelectors };
  }
  return (id, jobLabels) => {
    jobSpec.id = id;
    jobSpec.labels = jobLabels;
    return jobSpec;
  };
}

/** Builds an arrival stream's process from its spec and its own random stream. */
function arrivalProcessOf(
  spec: ArrivalSpec,
  random: RandomStream,
  trace: TraceArrivals | undefined,
): ArrivalProcess {
  const arrival = spec.arrival;
  switch (arrival.kind) {
    case "poisson":
      return new PoissonArrivals(arrival.ratePerHour, random);
    case "piecewisePoisson":
      return new PiecewisePoissonArrivals(
        arrival.intervalLengthSeconds,
        arrival.ratesPerHour,
        random,
      );
    case "renewal":
      return new RenewalArrivals(createDistribution(arrival.interarrival), random);
    case "scripted":
      return new ListedArrivals(arrival.atSeconds);
    case "trace":
      if (trace === undefined) throw new Error(`trace of arrival stream ${spec.id} was not read`);
      return new ListedArrivals(trace.timesSeconds, trace.labels);
  }
}

/** The arrival streams and the jobs they have in the system. */
export class Customers {
  private readonly streams: ArrivalStream[];
  private readonly arrivalHandler: number;
  /** Each stream's ordered engine lane for its arrivals (NO_LANE: the heap), by stream index. */
  private readonly arrivalLanes: number[];
  private readonly patienceHandler: number;
  /** Jobs of the world in the system. */
  private liveJobs = 0;
  /** True while the world creates a job (upsertJob), until the router says it received it. */
  private creating = false;
  /** The router's job slot of the job just created (NO_JOB when it was not received). */
  private createdJob = NO_JOB;
  // Per-job tables, indexed by the router's job slot, valid while the row's OWNS is 1.
  /** Rows of ROW numbers per job slot (OWNS, HANDLE_SECONDS, PATIENCE_TIMER, UNASSIGNMENTS). */
  private jobTable = new Float64Array(INITIAL_ROWS * ROW);
  private jobIdOfJob: string[] = objectArray();
  /** Handle times of jobs that are not the world's (forked when the first one comes). */
  private strangersRandom: RandomStream | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly router: Router,
    arrivals: readonly ArrivalSpec[],
    private readonly random: RandomStream,
    traces: ReadonlyMap<string, TraceArrivals>,
    private readonly horizonSeconds: number,
  ) {
    this.streams = arrivals.map((spec) => {
      const streamRandom = random.fork(`arrivals:${spec.id}`);
      return {
        spec,
        jobIds: new JobIdFormatter(`${spec.id}-`),
        template: router.prepareJobTemplate(jobTemplateSpecOf(spec)),
        jobSpecOf: jobSpecMaker(spec),
        process: arrivalProcessOf(spec, streamRandom, traces.get(spec.id)),
        handleTime: createDistribution(spec.handleTime),
        handleRandom: streamRandom.fork("handle"),
        patience: spec.patience === undefined ? null : createDistribution(spec.patience),
        patienceRandom: streamRandom.fork("patience"),
        created: 0,
      };
    });
    this.arrivalHandler = engine.registerHandler(
      "world:arrival",
      (stream) => this.arrive(stream),
      WorldPriority.arrival,
    );
    const lanes = this.streams.length <= MAX_ARRIVAL_LANES;
    this.arrivalLanes = this.streams.map(() =>
      lanes ? engine.orderedLane(this.arrivalHandler) : NO_LANE,
    );
    this.patienceHandler = engine.registerHandler(
      "world:patience",
      (job) => this.abandon(job),
      WorldPriority.patience,
    );
  }

  /** Schedules each stream's first arrival. */
  start(): void {
    for (let index = 0; index < this.streams.length; index++) this.scheduleNextArrival(index);
  }

  /** Jobs created and not yet ended. */
  get jobsInSystem(): number {
    return this.liveJobs;
  }

  /** True when a router job slot holds a job of the world in the system. */
  private owns(job: number): boolean {
    return this.jobTable[job * ROW + OWNS] === 1;
  }

  /**
   * Handle time the customer of a job in the system (by router job slot) needs, in seconds. A
   * job that is not the world's (a client's, under `ccsim serve --world`) needs what a customer
   * of the first stream on its channel would (or of the first stream), from a stream of its own.
   */
  handleSecondsOf(job: number): number {
    if (this.owns(job)) return this.jobTable[job * ROW + HANDLE_SECONDS] as number;
    const channelId = this.router.view.jobChannelId(job);
    const stream = this.streams.find((one) => one.spec.channelId === channelId) ?? this.streams[0];
    if (stream === undefined) return 0;
    this.strangersRandom ??= this.random.fork("strangers:handle");
    return stream.handleTime.sample(this.strangersRandom);
  }

  /** Whether a job in the system (by router job slot) is one of the world's customers'. */
  isCustomers(job: number): boolean {
    return this.owns(job);
  }

  /** The id of a job in the system, by router job slot ("" for a job not in the system). */
  jobIdOf(job: number): string {
    return this.owns(job) ? (this.jobIdOfJob[job] as string) : "";
  }

  /** How often a job in the system has been unassigned (0 for a job not in the system). */
  unassignmentsOf(job: number): number {
    return this.owns(job) ? (this.jobTable[job * ROW + UNASSIGNMENTS] as number) : 0;
  }

  /** True while the customer of a job in the system may still hang up. */
  isWaitingWithPatience(job: number): boolean {
    return this.owns(job) && this.jobTable[job * ROW + PATIENCE_TIMER] !== NO_TIMER;
  }

  /** The router received a job: the one being created (the world's), or someone else's. */
  jobReceived(job: number): void {
    if (!this.creating) return;
    this.creating = false;
    while (this.jobIdOfJob.length <= job) this.jobIdOfJob.push("");
    if ((job + 1) * ROW > this.jobTable.length) this.growJobTable(job);
    const row = job * ROW;
    const table = this.jobTable;
    table[row + OWNS] = 1;
    table[row + UNASSIGNMENTS] = 0;
    table[row + PATIENCE_TIMER] = NO_TIMER;
    this.liveJobs++;
    this.createdJob = job;
  }

  /** A first assignment withdraws patience. */
  offerAccepted(job: number): void {
    if (this.owns(job)) this.withdrawPatience(job);
  }

  /** Counts unassignments: the service refuses them past a limit. */
  jobUnassigned(job: number): void {
    if (!this.owns(job)) return;
    const at = job * ROW + UNASSIGNMENTS;
    this.jobTable[at] = (this.jobTable[at] as number) + 1;
  }

  /** A job closed, cancelled or failed to classify has left the system: it is forgotten. */
  jobEnded(job: number): void {
    if (!this.owns(job)) return;
    this.withdrawPatience(job);
    this.jobTable[job * ROW + OWNS] = 0;
    this.jobIdOfJob[job] = "";
    this.liveJobs--;
  }

  private scheduleNextArrival(streamIndex: number): void {
    const stream = this.streams[streamIndex] as ArrivalStream;
    const atSeconds = stream.process.next();
    if (!(atSeconds < this.horizonSeconds)) return;
    const lane = this.arrivalLanes[streamIndex] as number;
    if (lane === NO_LANE) this.engine.schedule(atSeconds, this.arrivalHandler, streamIndex);
    else this.engine.scheduleInOrder(lane, atSeconds, streamIndex);
  }

  /**
   * A customer arrives: handle time and patience are drawn (in that order), the job is created,
   * and the job's tables are filled once the router has received it. Patience is scheduled after
   * the router call, not before: patience timers are the only events of their priority class
   * and are still scheduled in arrival order, so they fire in the same order as ever.
   */
  private arrive(streamIndex: number): void {
    const stream = this.streams[streamIndex] as ArrivalStream;
    const jobId = stream.jobIds.format(++stream.created);
    const handleSeconds = stream.handleTime.sample(stream.handleRandom);
    const patience = stream.patience;
    const patienceSeconds =
      patience === null ? NO_PATIENCE : patience.sample(stream.patienceRandom);
    const traceLabels = stream.process.labelsOfLast();
    this.creating = true;
    this.createdJob = NO_JOB;
    const refusal = this.createJob(stream, jobId, traceLabels);
    this.creating = false;
    if (refusal !== null) refused(refusal, "upsertJob", `job ${jobId}`);
    const job = this.createdJob;
    // Still in the system (a job that failed to classify has already ended)?
    if (job !== NO_JOB && this.owns(job)) {
      this.jobIdOfJob[job] = jobId;
      this.jobTable[job * ROW + HANDLE_SECONDS] = handleSeconds;
      if (patienceSeconds !== NO_PATIENCE) {
        this.jobTable[job * ROW + PATIENCE_TIMER] = this.engine.scheduleAfter(
          patienceSeconds,
          this.patienceHandler,
          job,
        );
      }
    }
    this.scheduleNextArrival(streamIndex);
  }

  /**
   * Creates the stream's job `jobId`: from the stream's template, or by upsertJob when a trace
   * gives the job labels of its own (the template's are the stream's). The router's refusal,
   * or null.
   */
  private createJob(
    stream: ArrivalStream,
    jobId: string,
    traceLabels: ArrivalLabels | undefined,
  ): RouterFailure | null {
    if (traceLabels === undefined) {
      const created = this.router.createJobFrom(stream.template, jobId);
      return typeof created === "number" ? null : created;
    }
    const labels = { ...stream.spec.labels, ...traceLabels };
    const result = this.router.upsertJob(stream.jobSpecOf(jobId, labels));
    return result.ok ? null : result;
  }

  private abandon(job: number): void {
    this.jobTable[job * ROW + PATIENCE_TIMER] = NO_TIMER;
    // Patience is withdrawn at the first assignment and when the job ends, so the job is still
    // cancellable: a refusal means the world and the router disagree.
    const result = this.router.cancelJobAt(job, HUNG_UP);
    if (!result.ok)
      refused(result, "cancelJob", `job ${this.jobIdOfJob[job]}, the customer hung up`);
  }

  private withdrawPatience(job: number): void {
    const at = job * ROW + PATIENCE_TIMER;
    const timer = this.jobTable[at] as number;
    if (timer !== NO_TIMER) {
      this.engine.cancel(timer);
      this.jobTable[at] = NO_TIMER;
    }
  }

  /** Doubles the job table until it has a row for slot `job` (new rows all zero: not owned). */
  private growJobTable(job: number): void {
    let length = this.jobTable.length;
    while (length < (job + 1) * ROW) length *= 2;
    const grown = new Float64Array(length);
    grown.set(this.jobTable);
    this.jobTable = grown;
  }
}
