/**
 * The people who handle jobs, following their `behavior`: an offer goes unanswered with
 * `noResponseProbability` (it then expires), else it is answered after `responseTime`, accepted
 * with `acceptProbability` or declined (with `retryOfferAt = now + declineRetryAfter` when set).
 * An accepted job is handled for the customer's handle time × `handleTimeFactor`, completed,
 * wrapped up for `wrapUpTime` and closed — or, with `unassignProbability`, handed back after
 * `unassignAfter` (a refused fourth unassign is followed by completing it normally). After the
 * service deregisters a worker because an offer expired, the person registers again after
 * `reRegisterAfter`, if still on duty. Each worker draws from its own named streams
 * (`worker:<id>:response`, …), so one person's choices never shift another's.
 * Open offers and assignments live in recycled slots, named by the router's handles (offer and
 * assignment sequences, job slots, worker indexes): no id is formatted or looked up per job.
 */

import { SlotPool } from "../collections/slot-pool.ts";
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import type { Router, RouterView } from "../router/index.ts";
import type { Customers } from "./customers.ts";
import type { Person } from "./people.ts";
import { WorldPriority } from "./priorities.ts";
import { refused } from "./router-refusals.ts";

/** One person as the world sees them: registered or not, assignments held, offers pondered. */
export interface PersonSnapshot {
  readonly workerId: string;
  readonly active: boolean;
  readonly assignmentIds: string[];
  readonly offerIds: string[];
}

/** How often the service lets a job be unassigned; it refuses a fourth unassign. */
const MAX_UNASSIGNMENTS = 3;

/** Not a person of the world (a worker someone else created). */
const NO_PERSON = -1;

/** No slot (the end of a person's list of pondered offers). */
const NO_SLOT = -1;

/** Whether a person is on duty at a time (inside a shift), for re-registration. */
export type DutyCheck = (personIndex: number, timeSeconds: number) => boolean;

/** Everyone's reactions to offers, and their handling of the jobs they accept. */
export class Workers {
  private readonly indexOfPerson = new Map<string, number>();
  /** Person index by the router's worker index (undefined until first asked). */
  private readonly personOfWorker: (number | undefined)[] = [];
  private readonly answerHandler: number;
  private readonly finishHandler: number;
  private readonly unassignHandler: number;
  private readonly closeHandler: number;
  private readonly reRegisterHandler: number;
  private readonly view: RouterView;
  // Open offers being thought about, by slot.
  private readonly offerSlots = new SlotPool();
  /** Offer sequence of a slot (−1 when free). */
  private offerOfSlot: number[] = [];
  private offerPersonOfSlot: number[] = [];
  private offerWorkerOfSlot: number[] = [];
  private answerTimerOfSlot: number[] = [];
  /**
   * The offer slots each person is pondering, a list linked through the slots (a few at most,
   * so an offer is found by a walk): linking allocates nothing, where a list per person was
   * regrown each time it went from empty to one.
   */
  private readonly firstPonderedOfPerson: number[];
  private nextPonderedOfSlot: number[] = [];
  private previousPonderedOfSlot: number[] = [];
  // Assignments being handled or wrapped up, by slot.
  private readonly assignmentSlots = new SlotPool();
  private assignmentPersonOfSlot: number[] = [];
  /** Router job slot of the assignment's job (−1 when free). */
  private assignmentJobOfSlot: number[] = [];
  private assignmentOfSlot: number[] = [];
  private handleEndOfSlot: number[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly router: Router,
    private readonly people: readonly Person[],
    private readonly customers: Customers,
    private readonly isOnDuty: DutyCheck,
  ) {
    for (const [index, person] of people.entries()) this.indexOfPerson.set(person.id, index);
    this.firstPonderedOfPerson = people.map(() => NO_SLOT);
    this.view = router.view;
    const register = (name: string, handler: (slot: number) => void) =>
      engine.registerHandler(name, handler, WorldPriority.workerAction);
    this.answerHandler = register("world:answerOffer", (slot) => this.answer(slot));
    this.finishHandler = register("world:finishHandling", (slot) => this.finishHandling(slot));
    this.unassignHandler = register("world:unassign", (slot) => this.unassign(slot));
    this.closeHandler = register("world:close", (slot) => this.close(slot));
    this.reRegisterHandler = register("world:reRegister", (person) => this.reRegister(person));
  }

  /** Offers open in someone's mind, and assignments held: both bounded by the people. */
  get liveSlots(): { offers: number; assignments: number } {
    return { offers: this.offerSlots.liveCount, assignments: this.assignmentSlots.liveCount };
  }

  /** What each person believes and holds, for the invariant checks (allocates; not hot). */
  snapshot(): PersonSnapshot[] {
    const snapshots = this.people.map((person) => ({
      workerId: person.id,
      active: person.active,
      assignmentIds: [] as string[],
      offerIds: [] as string[],
    }));
    for (let slot = 0; slot < this.assignmentSlots.highWater; slot++) {
      const job = this.assignmentJobOfSlot[slot];
      if (job === undefined || job < 0) continue;
      snapshots[this.assignmentPersonOfSlot[slot] as number]?.assignmentIds.push(
        this.view.assignmentId(this.assignmentOfSlot[slot] as number),
      );
    }
    for (let slot = 0; slot < this.offerSlots.highWater; slot++) {
      const offer = this.offerOfSlot[slot];
      if (offer === undefined || offer < 0) continue;
      snapshots[this.offerPersonOfSlot[slot] as number]?.offerIds.push(this.view.offerId(offer));
    }
    return snapshots;
  }

  /** The person of a router worker index, or NO_PERSON (asked by id once per worker). */
  private personOf(worker: number): number {
    let person = this.personOfWorker[worker];
    if (person === undefined) {
      person = this.indexOfPerson.get(this.view.workerId(worker)) ?? NO_PERSON;
      while (this.personOfWorker.length < worker) this.personOfWorker.push(undefined);
      this.personOfWorker[worker] = person;
    }
    return person;
  }

  /** An offer to one of these people: they answer it in a while, or never. */
  offerIssued(offer: number, worker: number): void {
    const personIndex = this.personOf(worker);
    if (personIndex === NO_PERSON) return;
    const person = this.people[personIndex] as Person;
    const behavior = person.prepared.behavior;
    if (
      behavior.noResponseProbability > 0 &&
      person.decisionRandom.next() < behavior.noResponseProbability
    )
      return;
    const slot = this.offerSlots.acquire();
    this.offerOfSlot[slot] = offer;
    this.offerPersonOfSlot[slot] = personIndex;
    this.offerWorkerOfSlot[slot] = worker;
    this.linkPondered(personIndex, slot);
    const delaySeconds = person.prepared.responseTime.sample(person.responseRandom);
    this.answerTimerOfSlot[slot] = this.engine.scheduleAfter(
      delaySeconds,
      this.answerHandler,
      slot,
    );
  }

  /** An offer revoked: the person stops thinking about it. */
  offerRevoked(offer: number, worker: number): void {
    this.forgetOffer(offer, worker);
  }

  /** An offer expired: forgotten, and the person plans to register again. */
  offerExpired(offer: number, worker: number): void {
    this.forgetOffer(offer, worker);
    this.planReRegistration(worker);
  }

  /** A registration: the person is active, and a planned re-registration is moot. */
  workerRegistered(worker: number): void {
    this.setActive(worker, true);
    this.cancelReRegistration(worker);
  }

  /** A deregistration. */
  workerDeregistered(worker: number): void {
    this.setActive(worker, false);
  }

  private answer(slot: number): void {
    const offer = this.offerOfSlot[slot] as number;
    const worker = this.offerWorkerOfSlot[slot] as number;
    const personIndex = this.offerPersonOfSlot[slot] as number;
    const person = this.people[personIndex] as Person;
    // Released before calling the router: its calls may hand this slot to a new offer.
    this.releaseOffer(slot);
    const behavior = person.prepared.behavior;
    const accepts =
      behavior.acceptProbability >= 1 || person.decisionRandom.next() < behavior.acceptProbability;
    // The offer is still open: its expiry or revocation would have cancelled this answer.
    if (!accepts) {
      const retry = behavior.declineRetryAfterSeconds;
      const declined = this.router.declineOffer(
        worker,
        offer,
        retry === undefined ? undefined : { retryOfferAtSeconds: this.engine.now + retry },
      );
      if (!declined.ok) {
        refused(
          declined,
          "declineJobOffer",
          `worker ${person.id}, offer ${this.view.offerId(offer)}`,
        );
      }
      return;
    }
    const accepted = this.router.acceptOffer(worker, offer);
    if (!accepted.ok) {
      refused(accepted, "acceptJobOffer", `worker ${person.id}, offer ${this.view.offerId(offer)}`);
    }
    this.startHandling(personIndex, accepted.value.job, accepted.value.assignment);
  }

  private startHandling(personIndex: number, job: number, assignment: number): void {
    const person = this.people[personIndex] as Person;
    const behavior = person.prepared.behavior;
    const slot = this.assignmentSlots.acquire();
    this.assignmentPersonOfSlot[slot] = personIndex;
    this.assignmentJobOfSlot[slot] = job;
    this.assignmentOfSlot[slot] = assignment;
    const handleSeconds = this.customers.handleSecondsOf(job) * behavior.handleTimeFactor;
    this.handleEndOfSlot[slot] = this.engine.now + handleSeconds;
    if (
      behavior.unassignProbability > 0 &&
      person.unassignRandom.next() < behavior.unassignProbability
    ) {
      const afterSeconds = person.prepared.unassignAfter.sample(person.unassignRandom);
      this.engine.scheduleAfter(afterSeconds, this.unassignHandler, slot);
    } else {
      this.engine.schedule(this.handleEndOfSlot[slot] as number, this.finishHandler, slot);
    }
  }

  /**
   * `job <id>, assignment <id>` of an assignment slot, for a refusal's message (the job is still
   * the customers': an assignment is released before its job is forgotten).
   */
  private describeAssignment(slot: number): string {
    const assignmentId = this.view.assignmentId(this.assignmentOfSlot[slot] as number);
    const jobId = this.customers.jobIdOf(this.assignmentJobOfSlot[slot] as number);
    return `job ${jobId}, assignment ${assignmentId}`;
  }

  private finishHandling(slot: number): void {
    const person = this.people[this.assignmentPersonOfSlot[slot] as number] as Person;
    const result = this.router.completeAssignment(
      this.assignmentJobOfSlot[slot] as number,
      this.assignmentOfSlot[slot] as number,
    );
    if (!result.ok) {
      refused(result, "completeJob", `${this.describeAssignment(slot)}, worker ${person.id}`);
    }
    const wrapUpSeconds = person.prepared.wrapUpTime.sample(person.wrapUpRandom);
    if (wrapUpSeconds > 0) this.engine.scheduleAfter(wrapUpSeconds, this.closeHandler, slot);
    else this.close(slot);
  }

  private close(slot: number): void {
    const result = this.router.closeAssignment(
      this.assignmentJobOfSlot[slot] as number,
      this.assignmentOfSlot[slot] as number,
    );
    if (!result.ok) refused(result, "closeJob", this.describeAssignment(slot));
    this.releaseAssignment(slot);
  }

  private unassign(slot: number): void {
    const person = this.people[this.assignmentPersonOfSlot[slot] as number] as Person;
    const job = this.assignmentJobOfSlot[slot] as number;
    const result = this.router.unassignAssignment(job, this.assignmentOfSlot[slot] as number, {
      suspendMatching: person.prepared.behavior.unassignSuspendMatching,
    });
    if (result.ok) {
      this.releaseAssignment(slot);
      return;
    }
    // The one refusal the world expects: the service allows only so many unassigns of a job
    // (counted by the world for its customers' jobs; a client's job may have had its own).
    if (this.customers.isCustomers(job) && this.customers.unassignmentsOf(job) < MAX_UNASSIGNMENTS)
      refused(result, "unassignJob", `${this.describeAssignment(slot)}, worker ${person.id}`);
    // The service refused a fourth unassign: the person finishes the job after all.
    const handleEnd = Math.max(this.engine.now, this.handleEndOfSlot[slot] as number);
    this.engine.schedule(handleEnd, this.finishHandler, slot);
  }

  private planReRegistration(worker: number): void {
    const personIndex = this.personOf(worker);
    if (personIndex === NO_PERSON) return;
    const person = this.people[personIndex] as Person;
    // Registered again (a shift started) since an earlier expiry? That plan was cancelled then.
    if (person.reRegisterTimer !== NO_TIMER) return;
    const delaySeconds = person.prepared.reRegisterAfter.sample(person.reRegisterRandom);
    person.reRegisterTimer = this.engine.scheduleAfter(
      delaySeconds,
      this.reRegisterHandler,
      personIndex,
    );
  }

  /**
   * A registration (a shift start) makes a planned re-registration moot: the delay after a
   * later expiry must count from that expiry, not from an earlier one.
   */
  private cancelReRegistration(worker: number): void {
    const person = this.people[this.personOf(worker)];
    if (person === undefined || person.reRegisterTimer === NO_TIMER) return;
    this.engine.cancel(person.reRegisterTimer);
    person.reRegisterTimer = NO_TIMER;
  }

  private reRegister(personIndex: number): void {
    const person = this.people[personIndex] as Person;
    person.reRegisterTimer = NO_TIMER;
    if (!person.active && this.isOnDuty(personIndex, this.engine.now)) {
      const result = this.router.registerWorker(person.id);
      if (!result.ok) refused(result, "registerWorker", `worker ${person.id}`);
    }
  }

  private setActive(worker: number, active: boolean): void {
    const personIndex = this.personOf(worker);
    if (personIndex !== NO_PERSON) (this.people[personIndex] as Person).active = active;
  }

  /** Stops pondering an offer the router ended (if this person was pondering it at all). */
  private forgetOffer(offer: number, worker: number): void {
    const personIndex = this.personOf(worker);
    if (personIndex === NO_PERSON) return;
    let slot = this.firstPonderedOfPerson[personIndex] as number;
    while (slot !== NO_SLOT) {
      if (this.offerOfSlot[slot] === offer) {
        this.engine.cancel(this.answerTimerOfSlot[slot] as number);
        this.releaseOffer(slot);
        return;
      }
      slot = this.nextPonderedOfSlot[slot] as number;
    }
  }

  /** Puts an offer slot first in a person's list of pondered offers. */
  private linkPondered(personIndex: number, slot: number): void {
    const first = this.firstPonderedOfPerson[personIndex] as number;
    this.nextPonderedOfSlot[slot] = first;
    this.previousPonderedOfSlot[slot] = NO_SLOT;
    if (first !== NO_SLOT) this.previousPonderedOfSlot[first] = slot;
    this.firstPonderedOfPerson[personIndex] = slot;
  }

  private releaseOffer(slot: number): void {
    const next = this.nextPonderedOfSlot[slot] as number;
    const previous = this.previousPonderedOfSlot[slot] as number;
    if (next !== NO_SLOT) this.previousPonderedOfSlot[next] = previous;
    if (previous === NO_SLOT) {
      this.firstPonderedOfPerson[this.offerPersonOfSlot[slot] as number] = next;
    } else {
      this.nextPonderedOfSlot[previous] = next;
    }
    this.offerOfSlot[slot] = -1;
    this.answerTimerOfSlot[slot] = NO_TIMER;
    this.offerSlots.release(slot);
  }

  private releaseAssignment(slot: number): void {
    this.assignmentJobOfSlot[slot] = -1;
    this.assignmentSlots.release(slot);
  }
}
