/**
 * Shifts: a worker with `shifts` registers at each shift's start and deregisters at its end
 * (the service lets it drain the jobs it holds); a worker without shifts is on duty for the
 * whole run when `availableForOffers`, and never otherwise. Shift boundaries are scheduled up
 * front: two engine events per worker and shift.
 */
import type { Engine } from "../engine/engine.ts";
import type { Router } from "../router/index.ts";
import type { ShiftSpec } from "../scenario/index.ts";
import type { Person } from "./people.ts";
import { WorldPriority } from "./priorities.ts";
import { mustSucceed } from "./router-refusals.ts";

/** When one person works: their shifts, or always / never. */
export interface Duty {
  readonly shifts: readonly ShiftSpec[] | null;
  readonly availableForOffers: boolean;
}

/** Registers and deregisters people at their shift boundaries. */
export class Shifts {
  private readonly startHandler: number;
  private readonly endHandler: number;

  constructor(
    private readonly engine: Engine,
    private readonly router: Router,
    private readonly people: readonly Person[],
    private readonly duties: readonly Duty[],
  ) {
    this.startHandler = engine.registerHandler(
      "world:shiftStart",
      (p) => this.startShift(p),
      WorldPriority.shift,
    );
    this.endHandler = engine.registerHandler(
      "world:shiftEnd",
      (p) => this.endShift(p),
      WorldPriority.shift,
    );
  }

  /** True when the person is inside one of their shifts (or has none and is available). */
  isOnDuty(personIndex: number, timeSeconds: number): boolean {
    const duty = this.duties[personIndex] as Duty;
    if (duty.shifts === null) return duty.availableForOffers;
    return duty.shifts.some(
      (shift) => shift.startSeconds <= timeSeconds && timeSeconds < shift.endSeconds,
    );
  }

  /**
   * Registers everyone on duty at time 0 and schedules every later shift boundary, pausing
   * after each person (see World.starting).
   */
  *starting(): Generator<void, void, undefined> {
    for (const [personIndex, duty] of this.duties.entries()) {
      if (this.isOnDuty(personIndex, 0)) this.register(this.people[personIndex] as Person);
      for (const shift of duty.shifts ?? []) {
        if (shift.startSeconds > 0)
          this.engine.schedule(shift.startSeconds, this.startHandler, personIndex);
        // A shift derived from a staffing vector may last to the end of the run.
        if (Number.isFinite(shift.endSeconds))
          this.engine.schedule(shift.endSeconds, this.endHandler, personIndex);
      }
      yield;
    }
  }

  private startShift(personIndex: number): void {
    const person = this.people[personIndex] as Person;
    if (!person.active) this.register(person);
  }

  private endShift(personIndex: number): void {
    const person = this.people[personIndex] as Person;
    // A shift that ends where the next begins keeps the person registered.
    if (person.active && !this.isOnDuty(personIndex, this.engine.now))
      mustSucceed(
        this.router.deregisterWorker(person.id),
        "deregisterWorker",
        `worker ${person.id}`,
      );
  }

  private register(person: Person): void {
    mustSucceed(this.router.registerWorker(person.id), "registerWorker", `worker ${person.id}`);
  }
}
