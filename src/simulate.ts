/**
 * The composition root: one replication of a scenario is an engine, a router configured from
 * the scenario, the world of simulated people, and a metrics collector, all listening to the
 * router's events. It runs arrivals in [0, horizon), then drains until every job has ended or
 * `horizon + drain`. A replication can be advanced in chunks of simulated time, so callers can
 * show progress and stop cleanly between chunks; `runReplication` runs one to the end. A run
 * that stops advancing ends with a ScenarioRunError naming the scenario fields to blame.
 */
import { Engine, MAX_EVENTS_AT_ONE_INSTANT, SimulationStalled } from "./engine/engine.ts";
import { InternalError, ScenarioRunError } from "./errors.ts";
import { arrivalStreamIndexer, MetricsCollector } from "./metrics/index.ts";
import type { ReplicationMetrics } from "./metrics/types.ts";
import { RandomStream } from "./random/index.ts";
import { DrainStop, ReplicationObservers } from "./replication-observers.ts";
import { checkInvariants, Router, type RouterConfig, type RouterEvent } from "./router/index.ts";
import type { Scenario, TraceArrivals } from "./scenario/index.ts";
// From types.ts itself: the index also loads the parser (zod, yaml), which a worker thread
// simulating a checked scenario never needs (its boot halves without them).
import { workerIdsOf } from "./scenario/types.ts";
import { diagnoseStall } from "./world/stall-diagnosis.ts";
import { World } from "./world/world.ts";

/** How to run one replication. */
export interface ReplicationOptions {
  /** Replication index (0-based); with the scenario's seed it determines every random stream. */
  readonly replication: number;
  /** Trace arrivals read beforehand (`readTraces`), keyed by arrival id. */
  readonly traces?: ReadonlyMap<string, TraceArrivals>;
  /** Called with every router event in simulation order (e.g. to write events.jsonl). */
  readonly onEvent?: (event: RouterEvent) => void;
  /** Check the router's and the world's invariants after every engine event (slow). */
  readonly checkInvariants?: boolean;
}

/** What one replication produced. */
export interface ReplicationResult {
  readonly replication: number;
  readonly metrics: ReplicationMetrics;
  /** Simulated time at which the run stopped. */
  readonly endTimeSeconds: number;
  /** Engine events fired. */
  readonly eventsFired: number;
}

/**
 * Events each worker may add to one instant before a run counts as stalled: a whole center
 * starting its shift at once registers every worker, offers each a job and hears each answer
 * (three events a worker); four leaves room for a job arriving per worker at that instant.
 */
const STALL_EVENTS_PER_WORKER = 4;

/** Events within one instant after which a run of `scenario` counts as stalled. */
export function stallLimitOf(scenario: Scenario): number {
  const workers = scenario.workers.reduce((sum, group) => sum + group.count, 0);
  return MAX_EVENTS_AT_ONE_INSTANT + STALL_EVENTS_PER_WORKER * workers;
}

/** The router's configuration of a scenario; `random` serves weighted allocations. */
export function routerConfigOf(scenario: Scenario, random: RandomStream): RouterConfig {
  return {
    distributionPolicies: scenario.distributionPolicies,
    queues: scenario.queues,
    classificationPolicies: scenario.classificationPolicies,
    exceptionPolicies: scenario.exceptionPolicies,
    random: random.fork("router:weightedAllocation"),
  };
}

/** The worker group of a worker id `<group>-<n>` (or `<group>` alone); "" for an unknown id. */
function groupIndexer(scenario: Scenario): (workerId: string) => string {
  const groupOf = new Map(
    scenario.workers.flatMap((group) => workerIdsOf(group).map((id) => [id, group.id] as const)),
  );
  return (workerId) => groupOf.get(workerId) ?? "";
}

/** One replication, advanced step by step. */
export class Replication {
  private readonly engine: Engine;
  private readonly router: Router;
  private readonly world: World;
  private readonly metrics: MetricsCollector;
  private readonly horizonSeconds: number;
  private readonly drainEndSeconds: number;
  private draining = false;
  private outcome: ReplicationResult | null = null;
  /** The world's start while it is under way (see `continueSetup`); null once done. */
  private setup: Generator<void, void, undefined> | null;
  private reachedTarget = true;

  constructor(
    private readonly scenario: Scenario,
    private readonly options: ReplicationOptions,
  ) {
    this.engine = new Engine({
      maxEventsAtOneInstant: stallLimitOf(scenario),
      ...(options.checkInvariants === true
        ? { afterEvent: (name: string, argument: number) => this.check(name, argument) }
        : {}),
    });
    this.horizonSeconds = scenario.horizonSeconds;
    this.drainEndSeconds = scenario.horizonSeconds + scenario.drainSeconds;
    const random = RandomStream.root(scenario.seed, options.replication);
    this.router = new Router(this.engine, routerConfigOf(scenario, random));
    this.world = new World(this.engine, this.router, scenario, random, options.traces ?? new Map());
    this.metrics = new MetricsCollector(
      {
        warmupSeconds: scenario.warmupSeconds,
        horizonSeconds: scenario.horizonSeconds,
        serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
        intervalSeconds: scenario.intervalLengthSeconds,
        queueIds: scenario.queues.map((queue) => queue.id),
        arrivalIds: scenario.arrivals.map((arrival) => arrival.id),
        arrivalOfJob: arrivalStreamIndexer(scenario.arrivals.map((arrival) => arrival.id)),
        groupOfWorker: groupIndexer(scenario),
      },
      this.router.view,
    );
    this.subscribe();
    // Started step by step in `advance`, so that setting up a large center can be paused.
    this.setup = this.world.starting();
  }

  /** Simulated time now. */
  get nowSeconds(): number {
    return this.engine.now;
  }

  /**
   * Where the run is, from 0 to 1, in simulated time up to the horizon; 1 during the drain,
   * whose length is unknown until the last job ends, and once the run has ended.
   */
  get progress(): number {
    if (this.outcome !== null) return 1;
    return Math.min(1, this.engine.now / this.horizonSeconds);
  }

  /**
   * Whether the last `advance` got to its time; false when it spent its event budget first
   * (call it again with the same time to go on).
   */
  get reachedLastTarget(): boolean {
    return this.reachedTarget;
  }

  /**
   * Runs up to simulated time `untilSeconds`, firing at most `maxEvents` events; returns the
   * result once the run has ended. Slicing a run by time or events never changes its outcome.
   * Throws ScenarioRunError when the run stops advancing.
   */
  advance(untilSeconds: number, maxEvents = Number.POSITIVE_INFINITY): ReplicationResult | null {
    try {
      return this.advanceWithin(untilSeconds, maxEvents);
    } catch (error) {
      if (error instanceof SimulationStalled) {
        throw new ScenarioRunError(diagnoseStall(this.scenario, error));
      }
      throw error;
    }
  }

  private advanceWithin(untilSeconds: number, maxEvents: number): ReplicationResult | null {
    if (this.outcome !== null) return this.outcome;
    this.reachedTarget = false;
    if (this.setup !== null && !this.continueSetup(maxEvents)) return null;
    if (!this.draining) {
      const status = this.engine.runWithin(Math.min(untilSeconds, this.horizonSeconds), maxEvents);
      if (status === "budget") return null;
      this.reachedTarget = true;
      if (untilSeconds < this.horizonSeconds) return null;
      this.draining = true;
      if (this.world.customers.jobsInSystem === 0) return this.finish(this.horizonSeconds);
      this.reachedTarget = false;
    }
    const target = Math.min(untilSeconds, this.drainEndSeconds);
    const status = this.engine.runWithin(target, maxEvents);
    if (status === "budget") return null;
    this.reachedTarget = true;
    if (status === "stopped") return this.finish(this.engine.now);
    return target >= this.drainEndSeconds ? this.finish(this.drainEndSeconds) : null;
  }

  /**
   * Takes up to `maxSteps` steps of the world's start (a step per worker); true once it is
   * done. The budget is shared with `advance`'s event budget, one step counting as an event.
   */
  private continueSetup(maxSteps: number): boolean {
    const setup = this.setup as Generator<void, void, undefined>;
    for (let step = 0; step < maxSteps; step++) {
      if (setup.next().done === true) {
        this.setup = null;
        if (this.options.checkInvariants === true) this.check("start", 0);
        return true;
      }
    }
    return false;
  }

  /**
   * Attaches, in this order, the world, the metrics, the `onEvent` listener (event objects are
   * built only when there is one) and the drain's stop, before anything runs.
   */
  private subscribe(): void {
    const router = this.router;
    const checkDrain = () => {
      if (this.draining && this.world.customers.jobsInSystem === 0) this.engine.stop();
    };
    const onEvent = this.options.onEvent;
    if (onEvent === undefined) {
      // The usual run: one observer calling the three in order from call sites of one class each.
      router.observe(new ReplicationObservers(this.world, this.metrics, checkDrain));
      return;
    }
    // The listener comes between the metrics and the drain's stop.
    router.observe(new ReplicationObservers(this.world, this.metrics, () => {}));
    router.subscribe(onEvent);
    router.observe(new DrainStop(checkDrain));
  }

  private finish(endTimeSeconds: number): ReplicationResult {
    this.outcome = {
      replication: this.options.replication,
      metrics: this.metrics.finish(endTimeSeconds),
      endTimeSeconds,
      eventsFired: this.engine.processedCount,
    };
    return this.outcome;
  }

  private check(eventName: string, argument: number): void {
    const problems = [...checkInvariants(this.router), ...this.world.invariantProblems()];
    if (problems.length > 0) {
      throw new InvariantViolation(
        `invariant broken after event ${eventName}(${argument}) at t=${this.engine.now}s:\n  ${problems.join("\n  ")}`,
      );
    }
  }
}

/** An invariant of the router or the world broke: a bug in ccsim. */
export class InvariantViolation extends InternalError {}

/** Runs one replication to its end. */
export function runReplication(scenario: Scenario, options: ReplicationOptions): ReplicationResult {
  const replication = new Replication(scenario, options);
  const result = replication.advance(Number.POSITIVE_INFINITY);
  if (result === null) throw new InternalError("a replication run to infinity did not end");
  return result;
}
