/**
 * Everyone around the router: the customers of every arrival stream and the people of every
 * worker group with their shifts. The world talks to the router only through its operations
 * (always from engine events, never from inside a router listener) and learns what happened
 * from the router's events, as an application built on the service would.
 */
import type { Engine } from "../engine/engine.ts";
import type { RandomStream } from "../random/index.ts";
import type { Router, RouterEvent } from "../router/index.ts";
import type { Scenario, TraceArrivals } from "../scenario/index.ts";
import { workerIdsOf } from "../scenario/index.ts";
import { Customers } from "./customers.ts";
import { worldProblems } from "./invariants.ts";
import { createPerson, type Person, prepareBehavior } from "./people.ts";
import { mustSucceed } from "./router-refusals.ts";
import { type Duty, Shifts } from "./shifts.ts";
import { Workers } from "./workers.ts";

/** The simulated people of one replication. */
export class World {
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
    const people: Person[] = [];
    const duties: Duty[] = [];
    for (const group of scenario.workers) {
      const prepared = prepareBehavior(group.behavior);
      for (const id of workerIdsOf(group)) {
        people.push(createPerson(id, prepared, random));
        duties.push({ shifts: group.shifts ?? null, availableForOffers: group.availableForOffers });
      }
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
      }
    }
    this.shifts.start();
    this.customers.start();
  }

  /** Disagreements between the world and the router (empty when none), for --check-invariants. */
  invariantProblems(): string[] {
    return worldProblems(this.router, this.customers, this.workers);
  }

  /** Takes every router event, in order. */
  observe(event: RouterEvent): void {
    this.customers.observe(event);
    this.workers.observe(event);
  }
}
