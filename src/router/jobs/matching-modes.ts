/**
 * Matching modes (§5), for jobs whose client chose one: `suspend` holds a job in
 * `waitingForActivation`; `scheduleAndSuspend` holds it `scheduled` until its time, then in
 * `waitingForActivation` (JobWaitingForActivation), with no matching of its own either way. An
 * update to `queueAndMatch` activates a held job: classified then, if it has a classification
 * policy and no queue yet, else queued. An update to a holding mode takes a queued job out of
 * its queue (its offers revoked) and holds it. A schedule already past holds the job in
 * `waitingForActivation` at once. Jobs that never leave `queueAndMatch` (every simulated job)
 * are untouched: their `matching` stays null.
 */
import { NO_TIMER } from "../../engine/engine.ts";
import type { ClassificationPolicyRecord } from "../classification/classification.ts";
import type { RouterCore } from "../core.ts";
import type { JobMatching, JobRecord } from "../entities.ts";
import type { MatchingModeSpec } from "../types.ts";
import type { JobFlow } from "./job-flow.ts";

/** A mode that holds a job. */
export type HoldingMode = Exclude<MatchingModeSpec, { kind: "queueAndMatch" }>;

/** Statuses of a job held by its matching mode. */
export function isHeld(job: JobRecord): boolean {
  return (
    job.status === "waitingForActivation" ||
    job.status === "scheduled" ||
    job.status === "pendingSchedule"
  );
}

export class MatchingModes {
  constructor(
    private readonly core: RouterCore,
    private readonly flow: JobFlow,
    /** Engine handler id of the schedule timer (argument: the job's slot). */
    private readonly scheduleHandler: number,
  ) {}

  /** A new job held by its mode: JobReceived, then held (classified when activated). */
  holdNew(job: JobRecord, mode: HoldingMode): void {
    const core = this.core;
    if (core.emitter.active) core.emitter.jobReceived(core.now, job.index);
    this.matchingOf(job).unclassified = true;
    this.hold(job, mode);
  }

  /** Holds a job that is in no queue (held already, or just taken out of its queue). */
  hold(job: JobRecord, mode: HoldingMode): void {
    const core = this.core;
    const matching = this.matchingOf(job);
    this.stopTimer(matching);
    matching.kind = mode.kind;
    if (mode.kind === "suspend") {
      matching.scheduleAtSeconds = Number.NaN;
      this.waitForActivation(job);
      return;
    }
    matching.scheduleAtSeconds = mode.scheduleAtSeconds;
    matching.scheduledAtSeconds = Number.NaN;
    if (mode.scheduleAtSeconds <= core.now) {
      matching.scheduledAtSeconds = core.now;
      this.waitForActivation(job);
      return;
    }
    job.status = "scheduled";
    matching.timer = core.engine.schedule(mode.scheduleAtSeconds, this.scheduleHandler, job.index);
  }

  /** The schedule timer: the job's time has come; it waits for activation. */
  reachSchedule(jobSlot: number): void {
    const job = this.core.liveJobAt(jobSlot);
    const matching = job?.matching;
    if (job === undefined || matching === null || matching === undefined) return;
    matching.timer = NO_TIMER;
    if (job.status !== "scheduled") return;
    matching.scheduledAtSeconds = this.core.now;
    this.waitForActivation(job);
  }

  /**
   * A held job switched to `queueAndMatch`: classified by `policy` (its classification policy)
   * when it has not been since it was received, else queued again.
   */
  activate(job: JobRecord, policy: ClassificationPolicyRecord | null): void {
    const matching = this.matchingOf(job);
    this.stopTimer(matching);
    matching.kind = "queueAndMatch";
    const unclassified = matching.unclassified;
    matching.unclassified = false;
    if (unclassified && policy !== null) this.flow.classifyHeld(job, policy);
    else if (job.queue !== null) this.flow.enterQueue(job, job.queue, false);
  }

  /** A held job that ends (cancelled): its schedule timer goes. */
  release(job: JobRecord): void {
    if (job.matching !== null) this.stopTimer(job.matching);
  }

  private waitForActivation(job: JobRecord): void {
    const core = this.core;
    job.status = "waitingForActivation";
    if (core.emitter.active) core.emitter.jobWaitingForActivation(core.now, job.index);
  }

  private matchingOf(job: JobRecord): JobMatching {
    job.matching ??= {
      kind: "queueAndMatch",
      scheduleAtSeconds: Number.NaN,
      scheduledAtSeconds: Number.NaN,
      timer: NO_TIMER,
      unclassified: false,
    };
    return job.matching;
  }

  private stopTimer(matching: JobMatching): void {
    if (matching.timer !== NO_TIMER) this.core.engine.cancel(matching.timer);
    matching.timer = NO_TIMER;
  }
}
