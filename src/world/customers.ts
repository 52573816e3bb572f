/**
 * The customers: each arrival stream creates jobs `<id>-1`, `<id>-2`, … at the times its arrival
 * process gives, in [0, horizon). A job's handle time and patience are drawn, when it arrives,
 * from its stream's own random streams (`arrivals:<id>` → `handle`, `patience`), so the same seed
 * gives the same customers whatever the routing does. Patience cancels a job that is not yet
 * assigned with dispositionCode `Abandoned`; it is withdrawn at the job's first assignment.
 * Per-job state lives in recycled slots while the job is in the system.
 */
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import { SlotIndex } from "../engine/slot-index.ts";
import type { Distribution, RandomStream } from "../random/index.ts";
import { createDistribution } from "../random/index.ts";
import type { Router, RouterEvent } from "../router/index.ts";
import type { ArrivalSpec, TraceArrivals } from "../scenario/index.ts";
import {
  type ArrivalProcess,
  ListedArrivals,
  PiecewisePoissonArrivals,
  PoissonArrivals,
  RenewalArrivals,
} from "./arrivals.ts";
import { WorldPriority } from "./priorities.ts";
import { mustSucceed } from "./router-refusals.ts";
import { SlotPool } from "./slot-pool.ts";

/** Disposition code of a job cancelled because the customer hung up. */
export const ABANDONED = "Abandoned";

interface ArrivalStream {
  readonly spec: ArrivalSpec;
  readonly process: ArrivalProcess;
  readonly handleTime: Distribution;
  readonly handleRandom: RandomStream;
  readonly patience: Distribution | null;
  readonly patienceRandom: RandomStream;
  created: number;
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
  /** Jobs in the system → slot; a SlotIndex, not a Map, because it churns (see its header). */
  private readonly slotOfJob = new SlotIndex<string>();
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

  /** Handle time the customer of a job in the system needs, in seconds. */
  handleSecondsOf(jobId: string): number {
    const slot = this.slotOfJob.get(jobId);
    return slot < 0 ? Number.NaN : (this.handleSecondsOfSlot[slot] as number);
  }

  /** How often a job in the system has been unassigned (0 for a job not in the system). */
  unassignmentsOf(jobId: string): number {
    const slot = this.slotOfJob.get(jobId);
    return slot < 0 ? 0 : (this.unassignmentsOfSlot[slot] as number);
  }

  /** True while the customer of a job in the system may still hang up. */
  isWaitingWithPatience(jobId: string): boolean {
    const slot = this.slotOfJob.get(jobId);
    return slot >= 0 && this.patienceTimerOfSlot[slot] !== NO_TIMER;
  }

  /** Follows the router: a first assignment withdraws patience; an ended job is forgotten. */
  observe(event: RouterEvent): void {
    switch (event.type) {
      case "RouterWorkerOfferAccepted":
        this.withdrawPatience(event.jobId);
        break;
      case "RouterJobUnassigned":
        this.countUnassignment(event.jobId);
        break;
      case "RouterJobClosed":
      case "RouterJobCancelled":
      case "RouterJobClassificationFailed":
        this.forget(event.jobId);
        break;
      default:
        break;
    }
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
    this.slotOfJob.set(jobId, slot);
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
    const result = this.router.upsertJob({
      id: jobId,
      channelId: spec.channelId,
      ...(spec.queueId === undefined ? {} : { queueId: spec.queueId }),
      ...(spec.classificationPolicyId === undefined
        ? {}
        : { classificationPolicyId: spec.classificationPolicyId }),
      priority: spec.priority,
      labels: traceLabels === undefined ? spec.labels : { ...spec.labels, ...traceLabels },
      tags: spec.tags,
      requestedWorkerSelectors: spec.requestedWorkerSelectors,
    });
    mustSucceed(result, "upsertJob", `job ${jobId}`);
    this.scheduleNextArrival(streamIndex);
  }

  private abandon(slot: number): void {
    this.patienceTimerOfSlot[slot] = NO_TIMER;
    const jobId = this.jobIdOfSlot[slot] as string;
    // Patience is withdrawn at the first assignment and when the job ends, so the job is still
    // cancellable: a refusal means the world and the router disagree.
    mustSucceed(
      this.router.cancelJob(jobId, { dispositionCode: ABANDONED, note: "The customer hung up." }),
      "cancelJob",
      `job ${jobId}, the customer hung up`,
    );
  }

  private countUnassignment(jobId: string): void {
    const slot = this.slotOfJob.get(jobId);
    if (slot >= 0) this.unassignmentsOfSlot[slot] = (this.unassignmentsOfSlot[slot] as number) + 1;
  }

  private withdrawPatience(jobId: string): void {
    const slot = this.slotOfJob.get(jobId);
    if (slot < 0) return;
    const timer = this.patienceTimerOfSlot[slot] as number;
    if (timer !== NO_TIMER) {
      this.engine.cancel(timer);
      this.patienceTimerOfSlot[slot] = NO_TIMER;
    }
  }

  private forget(jobId: string): void {
    const slot = this.slotOfJob.get(jobId);
    if (slot < 0) return;
    this.withdrawPatience(jobId);
    this.slotOfJob.delete(jobId);
    this.jobIdOfSlot[slot] = "";
    this.slots.release(slot);
  }
}
