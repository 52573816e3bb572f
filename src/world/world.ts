/**
 * Everyone around the router: the customers of every arrival stream and the people of every
 * worker group with their shifts (written, or derived from the group's staffing vector). The world talks to the router only through its operations
 * (always from engine events, never from inside a router observer) and learns what happened
 * from what the router says (its observer calls, by handles), as an application built on the
 * service would.
 */
import type { Engine } from "../engine/engine.ts";
import type { RandomStream } from "../random/index.ts";
import { type Router, RouterObserverBase } from "../router/index.ts";
import type { Scenario, TraceArrivals } from "../scenario/index.ts";
// From types.ts itself, not the index: the index loads the parser (zod, yaml) too.
import { workerIdsOf } from "../scenario/types.ts";
import { Customers } from "./customers.ts";
import { worldProblems } from "./invariants.ts";
import { createPerson, type Person, prepareBehavior } from "./people.ts";
import { mustSucceed } from "./router-refusals.ts";
import { type Duty, Shifts } from "./shifts.ts";
import { shiftsFromStaffing } from "./staffing-duty.ts";
import { Workers } from "./workers.ts";

/** The simulated people of one replication; attach it with `router.observe(world)`. */
export class World extends RouterObserverBase {
  readonly customers: Customers;
  readonly workers: Workers;
  private readonly shifts: Shifts;

  constructor(
    engine: Engine,
    private readonly router: Router,
    private readonly scenario: Scenario,
    random: RandomStream,
    traces: ReadonlyMap<string, TraceArrivals>,
  ) {
    super();
    const people: Person[] = [];
    const duties: Duty[] = [];
    for (const group of scenario.workers) {
      const prepared = prepareBehavior(group.behavior);
      workerIdsOf(group).forEach((id, personIndex) => {
        people.push(createPerson(id, prepared, random));
        const shifts =
          group.staffing === undefined
            ? (group.shifts ?? null)
            : shiftsFromStaffing(group.staffing, personIndex, scenario.intervalLengthSeconds);
        duties.push({ shifts, availableForOffers: group.availableForOffers });
      });
    }
    this.customers = new Customers(
      engine,
      router,
      scenario.arrivals,
      random,
      traces,
      scenario.horizonSeconds,
    );
    this.shifts = new Shifts(engine, router, people, duties);
    this.workers = new Workers(engine, router, people, this.customers, (person, time) =>
      this.shifts.isOnDuty(person, time),
    );
  }

  /** Creates the workers in the router (inactive), registers those on duty, starts arrivals. */
  start(): void {
    const steps = this.starting();
    let step = steps.next();
    while (step.done !== true) step = steps.next();
  }

  /**
   * `start`, one worker at a time: a generator that pauses after each worker, so a caller can
   * stop between them (a center of 100,000 workers takes seconds to set up, and Ctrl-C must
   * not wait for it). The router calls are the same, in the same order, however it is driven.
   */
  *starting(): Generator<void, void, undefined> {
    for (const group of this.scenario.workers) {
      for (const id of workerIdsOf(group)) {
        const result = this.router.upsertWorker({
          id,
          capacity: group.capacity,
          queues: group.queues,
          channels: group.channels,
          labels: group.labels,
          tags: group.tags,
          availableForOffers: false,
        });
        mustSucceed(result, "upsertWorker", `worker ${id}`);
        yield;
      }
    }
    yield* this.shifts.starting();
    this.customers.start();
  }

  /** Disagreements between the world and the router (empty when none), for --check-invariants. */
  invariantProblems(): string[] {
    return worldProblems(this.router, this.customers, this.workers);
  }

  // What the router says, passed to the customers or the people it concerns.

  override jobReceived(_timeSeconds: number, job: number): void {
    this.customers.jobReceived(job);
  }

  override offerAccepted(_timeSeconds: number, job: number): void {
    this.customers.offerAccepted(job);
  }

  override jobUnassigned(_timeSeconds: number, job: number): void {
    this.customers.jobUnassigned(job);
  }

  override jobClosed(_timeSeconds: number, job: number): void {
    this.customers.jobEnded(job);
  }

  override jobCancelled(_timeSeconds: number, job: number): void {
    this.customers.jobEnded(job);
  }

  override jobClassificationFailed(_timeSeconds: number, job: number): void {
    this.customers.jobEnded(job);
  }

  override offerIssued(_timeSeconds: number, _job: number, offer: number, worker: number): void {
    this.workers.offerIssued(offer, worker);
  }

  override offerRevoked(_timeSeconds: number, _job: number, offer: number, worker: number): void {
    this.workers.offerRevoked(offer, worker);
  }

  override offerExpired(_timeSeconds: number, _job: number, offer: number, worker: number): void {
    this.workers.offerExpired(offer, worker);
  }

  override workerRegistered(_timeSeconds: number, worker: number): void {
    this.workers.workerRegistered(worker);
  }

  override workerDeregistered(_timeSeconds: number, worker: number): void {
    this.workers.workerDeregistered(worker);
  }
}
