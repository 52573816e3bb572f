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
 * Open offers and assignments live in recycled slots; every step is O(1) apart from map lookups.
 */
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import { SlotIndex } from "../engine/slot-index.ts";
import type { Router, RouterEvent, RouterWorkerOfferIssued } from "../router/index.ts";
import type { Customers } from "./customers.ts";
import type { Person } from "./people.ts";
import { WorldPriority } from "./priorities.ts";
import { mustSucceed } from "./router-refusals.ts";
import { SlotPool } from "./slot-pool.ts";

/** One person as the world sees them: registered or not, assignments held, offers pondered. */
export interface PersonSnapshot {
  readonly workerId: string;
  readonly active: boolean;
  readonly assignmentIds: string[];
  readonly offerIds: string[];
}

/** How often the service lets a job be unassigned; it refuses a fourth unassign. */
const MAX_UNASSIGNMENTS = 3;

/** Whether a person is on duty at a time (inside a shift), for re-registration. */
export type DutyCheck = (personIndex: number, timeSeconds: number) => boolean;

/** Everyone's reactions to offers, and their handling of the jobs they accept. */
export class Workers {
  private readonly indexOfPerson = new Map<string, number>();
  private readonly answerHandler: number;
  private readonly finishHandler: number;
  private readonly unassignHandler: number;
  private readonly closeHandler: number;
  private readonly reRegisterHandler: number;
  // Open offers being thought about, by slot.
  private readonly offerSlots = new SlotPool();
  /** Offers being thought about → slot; a SlotIndex, not a Map, because it churns. */
  private readonly slotOfOffer = new SlotIndex<string>();
  private offerIdOfSlot: string[] = [];
  private offerPersonOfSlot: number[] = [];
  private answerTimerOfSlot: number[] = [];
  // Assignments being handled or wrapped up, by slot.
  private readonly assignmentSlots = new SlotPool();
  private assignmentPersonOfSlot: number[] = [];
  private assignmentJobOfSlot: string[] = [];
  private assignmentIdOfSlot: string[] = [];
  private handleEndOfSlot: number[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly router: Router,
    private readonly people: readonly Person[],
    private readonly customers: Customers,
    private readonly isOnDuty: DutyCheck,
  ) {
    for (const [index, person] of people.entries()) this.indexOfPerson.set(person.id, index);
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
      const assignmentId = this.assignmentIdOfSlot[slot];
      if (assignmentId === undefined || assignmentId === "") continue;
      snapshots[this.assignmentPersonOfSlot[slot] as number]?.assignmentIds.push(assignmentId);
    }
    for (let slot = 0; slot < this.offerSlots.highWater; slot++) {
      const offerId = this.offerIdOfSlot[slot];
      if (offerId === undefined || offerId === "") continue;
      snapshots[this.offerPersonOfSlot[slot] as number]?.offerIds.push(offerId);
    }
    return snapshots;
  }

  /** Follows the router's events about these people. */
  observe(event: RouterEvent): void {
    switch (event.type) {
      case "RouterWorkerOfferIssued":
        this.considerOffer(event);
        break;
      case "RouterWorkerOfferRevoked":
        this.forgetOffer(event.offerId);
        break;
      case "RouterWorkerOfferExpired":
        this.forgetOffer(event.offerId);
        this.planReRegistration(event.workerId);
        break;
      case "RouterWorkerRegistered":
        this.setActive(event.workerId, true);
        this.cancelReRegistration(event.workerId);
        break;
      case "RouterWorkerDeregistered":
        this.setActive(event.workerId, false);
        break;
      default:
        break;
    }
  }

  private considerOffer(event: RouterWorkerOfferIssued): void {
    const personIndex = this.indexOfPerson.get(event.workerId);
    if (personIndex === undefined) return;
    const person = this.people[personIndex] as Person;
    const behavior = person.prepared.behavior;
    if (
      behavior.noResponseProbability > 0 &&
      person.decisionRandom.next() < behavior.noResponseProbability
    )
      return;
    const slot = this.offerSlots.acquire();
    this.slotOfOffer.set(event.offerId, slot);
    this.offerIdOfSlot[slot] = event.offerId;
    this.offerPersonOfSlot[slot] = personIndex;
    const delaySeconds = person.prepared.responseTime.sample(person.responseRandom);
    this.answerTimerOfSlot[slot] = this.engine.scheduleAfter(
      delaySeconds,
      this.answerHandler,
      slot,
    );
  }

  private answer(slot: number): void {
    const offerId = this.offerIdOfSlot[slot] as string;
    const personIndex = this.offerPersonOfSlot[slot] as number;
    const person = this.people[personIndex] as Person;
    // Released before calling the router: its events may hand this slot to a new offer.
    this.releaseOffer(slot, offerId);
    const behavior = person.prepared.behavior;
    const accepts =
      behavior.acceptProbability >= 1 || person.decisionRandom.next() < behavior.acceptProbability;
    // The offer is still open: its expiry or revocation would have cancelled this answer.
    if (!accepts) {
      const retry = behavior.declineRetryAfterSeconds;
      mustSucceed(
        this.router.declineJobOffer(
          person.id,
          offerId,
          retry === undefined ? undefined : { retryOfferAtSeconds: this.engine.now + retry },
        ),
        "declineJobOffer",
        `worker ${person.id}, offer ${offerId}`,
      );
      return;
    }
    const accepted = mustSucceed(
      this.router.acceptJobOffer(person.id, offerId),
      "acceptJobOffer",
      `worker ${person.id}, offer ${offerId}`,
    );
    this.startHandling(personIndex, accepted.jobId, accepted.assignmentId);
  }

  private startHandling(personIndex: number, jobId: string, assignmentId: string): void {
    const person = this.people[personIndex] as Person;
    const behavior = person.prepared.behavior;
    const slot = this.assignmentSlots.acquire();
    this.assignmentPersonOfSlot[slot] = personIndex;
    this.assignmentJobOfSlot[slot] = jobId;
    this.assignmentIdOfSlot[slot] = assignmentId;
    const handleSeconds = this.customers.handleSecondsOf(jobId) * behavior.handleTimeFactor;
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

  private finishHandling(slot: number): void {
    const person = this.people[this.assignmentPersonOfSlot[slot] as number] as Person;
    const jobId = this.assignmentJobOfSlot[slot] as string;
    const assignmentId = this.assignmentIdOfSlot[slot] as string;
    mustSucceed(
      this.router.completeJob(jobId, assignmentId),
      "completeJob",
      `job ${jobId}, assignment ${assignmentId}, worker ${person.id}`,
    );
    const wrapUpSeconds = person.prepared.wrapUpTime.sample(person.wrapUpRandom);
    if (wrapUpSeconds > 0) this.engine.scheduleAfter(wrapUpSeconds, this.closeHandler, slot);
    else this.close(slot);
  }

  private close(slot: number): void {
    const jobId = this.assignmentJobOfSlot[slot] as string;
    const assignmentId = this.assignmentIdOfSlot[slot] as string;
    mustSucceed(
      this.router.closeJob(jobId, assignmentId),
      "closeJob",
      `job ${jobId}, assignment ${assignmentId}`,
    );
    this.releaseAssignment(slot);
  }

  private unassign(slot: number): void {
    const person = this.people[this.assignmentPersonOfSlot[slot] as number] as Person;
    const jobId = this.assignmentJobOfSlot[slot] as string;
    const assignmentId = this.assignmentIdOfSlot[slot] as string;
    const result = this.router.unassignJob(jobId, assignmentId, {
      suspendMatching: person.prepared.behavior.unassignSuspendMatching,
    });
    if (result.ok) {
      this.releaseAssignment(slot);
      return;
    }
    // The one refusal the world expects: the service allows only so many unassigns of a job.
    if (this.customers.unassignmentsOf(jobId) < MAX_UNASSIGNMENTS)
      mustSucceed(
        result,
        "unassignJob",
        `job ${jobId}, assignment ${assignmentId}, worker ${person.id}`,
      );
    // The service refused a fourth unassign: the person finishes the job after all.
    const handleEnd = Math.max(this.engine.now, this.handleEndOfSlot[slot] as number);
    this.engine.schedule(handleEnd, this.finishHandler, slot);
  }

  private planReRegistration(workerId: string): void {
    const personIndex = this.indexOfPerson.get(workerId);
    if (personIndex === undefined) return;
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
  private cancelReRegistration(workerId: string): void {
    const person = this.people[this.indexOfPerson.get(workerId) ?? -1];
    if (person === undefined || person.reRegisterTimer === NO_TIMER) return;
    this.engine.cancel(person.reRegisterTimer);
    person.reRegisterTimer = NO_TIMER;
  }

  private reRegister(personIndex: number): void {
    const person = this.people[personIndex] as Person;
    person.reRegisterTimer = NO_TIMER;
    if (!person.active && this.isOnDuty(personIndex, this.engine.now))
      mustSucceed(this.router.registerWorker(person.id), "registerWorker", `worker ${person.id}`);
  }

  private setActive(workerId: string, active: boolean): void {
    const personIndex = this.indexOfPerson.get(workerId);
    if (personIndex !== undefined) (this.people[personIndex] as Person).active = active;
  }

  private forgetOffer(offerId: string): void {
    const slot = this.slotOfOffer.get(offerId);
    if (slot < 0) return;
    this.engine.cancel(this.answerTimerOfSlot[slot] as number);
    this.releaseOffer(slot, offerId);
  }

  private releaseOffer(slot: number, offerId: string): void {
    this.slotOfOffer.delete(offerId);
    this.offerIdOfSlot[slot] = "";
    this.answerTimerOfSlot[slot] = NO_TIMER;
    this.offerSlots.release(slot);
  }

  private releaseAssignment(slot: number): void {
    this.assignmentJobOfSlot[slot] = "";
    this.assignmentIdOfSlot[slot] = "";
    this.assignmentSlots.release(slot);
  }
}
