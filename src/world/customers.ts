/**
 * The customers: each arrival stream creates jobs `<id>-1`, `<id>-2`, … at the times its arrival
 * process gives, in [0, horizon). A job's handle time and patience are drawn, when it arrives,
 * from its stream's own random streams (`arrivals:<id>` → `handle`, `patience`), so the same seed
 * gives the same customers whatever the routing does. Patience cancels a job that is not yet
 * assigned with dispositionCode `Abandoned`; it is withdrawn at the job's first assignment.
 * Per-job state lives in recycled slots while the job is in the system; the router's calls name
 * a job by its router slot, which the world maps to its own slot when the job is received.
 */

import { SlotPool } from "../collections/slot-pool.ts";
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import type { Distribution, RandomStream } from "../random/index.ts";
import { createDistribution } from "../random/index.ts";
import type { JobSpec, Router } from "../router/index.ts";
import type { ArrivalSpec, TraceArrivals } from "../scenario/index.ts";
import {
  type ArrivalProcess,
  ListedArrivals,
  PiecewisePoissonArrivals,
  PoissonArrivals,
  RenewalArrivals,
} from "./arrivals.ts";
import { WorldPriority } from "./priorities.ts";
import { refused } from "./router-refusals.ts";

/** No slot. */
const NO_SLOT = -1;

/** Disposition code of a job cancelled because the customer hung up. */
export const ABANDONED = "Abandoned";

interface ArrivalStream {
  readonly spec: ArrivalSpec;
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
  private readonly patienceHandler: number;
  private readonly slots = new SlotPool();
  /** The world's slot of a job by the router's job slot (−1: not a job of the world now). */
  private readonly slotOfJob: number[] = [];
  /** The router's job slot of a world slot. */
  private readonly jobOfSlot: number[] = [];
  /** The world slot of the job being created, until the router says it received it. */
  private creatingSlot = NO_SLOT;
  private jobIdOfSlot: string[] = [];
  private handleSecondsOfSlot: number[] = [];
  private patienceTimerOfSlot: number[] = [];
  /** RouterJobUnassigned events seen per job: the service refuses unassigns past a limit. */
  private unassignmentsOfSlot: number[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly router: Router,
    arrivals: readonly ArrivalSpec[],
    random: RandomStream,
    traces: ReadonlyMap<string, TraceArrivals>,
    private readonly horizonSeconds: number,
  ) {
    this.streams = arrivals.map((spec) => {
      const streamRandom = random.fork(`arrivals:${spec.id}`);
      return {
        spec,
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
    this.patienceHandler = engine.registerHandler(
      "world:patience",
      (slot) => this.abandon(slot),
      WorldPriority.patience,
    );
  }

  /** Schedules each stream's first arrival. */
  start(): void {
    for (let index = 0; index < this.streams.length; index++) this.scheduleNextArrival(index);
  }

  /** Jobs created and not yet ended. */
  get jobsInSystem(): number {
    return this.slots.liveCount;
  }

  /** The world's slot of a job, by the router's job slot (−1 when not in the system). */
  private slotOf(job: number): number {
    return job < this.slotOfJob.length ? (this.slotOfJob[job] as number) : NO_SLOT;
  }

  /** Handle time the customer of a job in the system (by router job slot) needs, in seconds. */
  handleSecondsOf(job: number): number {
    const slot = this.slotOf(job);
    return slot < 0 ? Number.NaN : (this.handleSecondsOfSlot[slot] as number);
  }

  /** The id of a job in the system, by router job slot ("" for a job not in the system). */
  jobIdOf(job: number): string {
    const slot = this.slotOf(job);
    return slot < 0 ? "" : (this.jobIdOfSlot[slot] as string);
  }

  /** How often a job in the system has been unassigned (0 for a job not in the system). */
  unassignmentsOf(job: number): number {
    const slot = this.slotOf(job);
    return slot < 0 ? 0 : (this.unassignmentsOfSlot[slot] as number);
  }

  /** True while the customer of a job in the system may still hang up. */
  isWaitingWithPatience(job: number): boolean {
    const slot = this.slotOf(job);
    return slot >= 0 && this.patienceTimerOfSlot[slot] !== NO_TIMER;
  }

  /** The router received a job: the one being created (the world's), or someone else's. */
  jobReceived(job: number): void {
    if (this.creatingSlot === NO_SLOT) return;
    while (this.slotOfJob.length <= job) this.slotOfJob.push(NO_SLOT);
    this.slotOfJob[job] = this.creatingSlot;
    this.jobOfSlot[this.creatingSlot] = job;
    this.creatingSlot = NO_SLOT;
  }

  /** A first assignment withdraws patience. */
  offerAccepted(job: number): void {
    const slot = this.slotOf(job);
    if (slot >= 0) this.withdrawPatience(slot);
  }

  /** Counts unassignments: the service refuses them past a limit. */
  jobUnassigned(job: number): void {
    const slot = this.slotOf(job);
    if (slot >= 0) this.unassignmentsOfSlot[slot] = (this.unassignmentsOfSlot[slot] as number) + 1;
  }

  /** A job closed, cancelled or failed to classify has left the system: it is forgotten. */
  jobEnded(job: number): void {
    const slot = this.slotOf(job);
    if (slot < 0) return;
    this.withdrawPatience(slot);
    this.slotOfJob[job] = NO_SLOT;
    this.jobIdOfSlot[slot] = "";
    this.slots.release(slot);
  }

  private scheduleNextArrival(streamIndex: number): void {
    const stream = this.streams[streamIndex] as ArrivalStream;
    const atSeconds = stream.process.next();
    if (atSeconds < this.horizonSeconds)
      this.engine.schedule(atSeconds, this.arrivalHandler, streamIndex);
  }

  private arrive(streamIndex: number): void {
    const stream = this.streams[streamIndex] as ArrivalStream;
    const spec = stream.spec;
    const jobId = `${spec.id}-${++stream.created}`;
    const slot = this.slots.acquire();
    this.jobIdOfSlot[slot] = jobId;
    this.handleSecondsOfSlot[slot] = stream.handleTime.sample(stream.handleRandom);
    this.unassignmentsOfSlot[slot] = 0;
    this.patienceTimerOfSlot[slot] =
      stream.patience === null
        ? NO_TIMER
        : this.engine.scheduleAfter(
            stream.patience.sample(stream.patienceRandom),
            this.patienceHandler,
            slot,
          );
    const traceLabels = stream.process.labelsOfLast();
    this.creatingSlot = slot;
    const result = this.router.upsertJob(
      stream.jobSpecOf(
        jobId,
        traceLabels === undefined ? spec.labels : { ...spec.labels, ...traceLabels },
      ),
    );
    this.creatingSlot = NO_SLOT;
    if (!result.ok) refused(result, "upsertJob", `job ${jobId}`);
    this.scheduleNextArrival(streamIndex);
  }

  private abandon(slot: number): void {
    this.patienceTimerOfSlot[slot] = NO_TIMER;
    // Patience is withdrawn at the first assignment and when the job ends, so the job is still
    // cancellable: a refusal means the world and the router disagree.
    const result = this.router.cancelJobAt(this.jobOfSlot[slot] as number, {
      dispositionCode: ABANDONED,
      note: "The customer hung up.",
    });
    if (!result.ok) {
      refused(result, "cancelJob", `job ${this.jobIdOfSlot[slot]}, the customer hung up`);
    }
  }

  private withdrawPatience(slot: number): void {
    const timer = this.patienceTimerOfSlot[slot] as number;
    if (timer !== NO_TIMER) {
      this.engine.cancel(timer);
      this.patienceTimerOfSlot[slot] = NO_TIMER;
    }
  }
}
