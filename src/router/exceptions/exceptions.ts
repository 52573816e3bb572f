/**
 * Exception rules at run time (§4, §8 f). On each queue entry, the `waitTime` rules of the
 * queue's policy get an engine timer at the entry time + threshold, and the `queueLength` rules
 * are checked against the jobs already in the queue (the plain length, not the jobs ahead:
 * §9 d) and fire on the arriving job. Each rule fires at most once per entry; leaving the
 * queue (assignment, cancel, a move) cancels the timers, so an assigned or ended job never gets
 * a later trigger. Firing emits RouterJobExceptionTriggered, then runs the actions in order,
 * stopping when an action has ended the job. Rules that move jobs between queues could loop at
 * one instant; beyond MAX_CHAINED_FIRINGS nested firings, further triggers are skipped.
 * Entry: O(rules of the policy · log n) for the timers.
 */
import { NO_TIMER } from "../../engine/engine.ts";
import type { RouterCore } from "../core.ts";
import type { JobRecord, QueueRecord } from "../entities.ts";
import type { JobFlow } from "../jobs/job-flow.ts";
import type { ExceptionActionRecord, ExceptionRuleRecord } from "./exception-policy.ts";

/** Nested exception firings allowed within one router step before triggers are skipped. */
export const MAX_CHAINED_FIRINGS = 32;

/** Wait-time timers and queue-length checks of the queues' exception policies. */
export class ExceptionRunner {
  private depth = 0;

  constructor(
    private readonly core: RouterCore,
    private readonly flow: JobFlow,
    /** Timer argument = job index · ruleStride + rule index; ≥ the most rules of any policy. */
    private readonly ruleStride: number,
    /** Engine handler id of the wait-time timers. */
    private readonly handler: number,
  ) {}

  /** A job has just entered `queue` with `jobsAlreadyQueued` others there. */
  onEntry(job: JobRecord, queue: QueueRecord, jobsAlreadyQueued: number): void {
    const policy = queue.exceptionPolicy;
    if (policy === null) return;
    const entry = job.queueEntrySequence;
    if (policy.hasWaitTimeRules) this.startTimers(job, policy.rules);
    for (const rule of policy.rules) {
      if (job.status !== "queued" || job.queueEntrySequence !== entry) return;
      const trigger = rule.trigger;
      if (trigger.kind === "queueLength" && jobsAlreadyQueued >= trigger.threshold) {
        this.fire(job, rule);
      }
    }
  }

  /**
   * The exception policy of the job's queue has changed while the job waits there: its
   * wait-time timers start over under the new rules, from its queue entry (a threshold already
   * passed fires now); a rule whose id fired under the old rules counts as fired under the new.
   * Queue-length rules are checked on entry only, as ever.
   */
  policyChanged(job: JobRecord): void {
    const fired = new Set((job.firedExceptionRules ?? []).map((rule) => rule.id));
    this.endEntry(job);
    const policy = job.queue?.exceptionPolicy;
    if (policy === null || policy === undefined) return;
    const stillFired = policy.rules.filter((rule) => fired.has(rule.id));
    job.firedExceptionRules = stillFired.length === 0 ? null : stillFired;
    const waiting = policy.rules.filter((rule) => !fired.has(rule.id));
    if (policy.hasWaitTimeRules) this.startTimers(job, waiting, policy.rules.length);
  }

  private startTimers(
    job: JobRecord,
    rules: readonly ExceptionRuleRecord[],
    ruleCount: number = rules.length,
  ): void {
    const engine = this.core.engine;
    const timers: number[] = new Array(ruleCount).fill(NO_TIMER);
    for (const rule of rules) {
      if (rule.trigger.kind !== "waitTime") continue;
      // Later than now but for rules changed under a job already waiting (policyChanged).
      const atSeconds = Math.max(
        job.latestEnqueueAtSeconds + rule.trigger.thresholdSeconds,
        this.core.now,
      );
      timers[rule.index] = engine.schedule(
        atSeconds,
        this.handler,
        job.index * this.ruleStride + rule.index,
      );
    }
    job.exceptionTimers = timers;
  }

  /** The job's queue entry ends: pending timers are cancelled, fired rules forgotten. */
  endEntry(job: JobRecord): void {
    const timers = job.exceptionTimers;
    if (timers !== null) {
      for (const timer of timers) if (timer !== NO_TIMER) this.core.engine.cancel(timer);
      job.exceptionTimers = null;
    }
    job.firedExceptionRules = null;
  }

  /** Wait-time timer. */
  fireTimer(argument: number): void {
    const job = this.core.jobAt(Math.floor(argument / this.ruleStride));
    const ruleIndex = argument % this.ruleStride;
    const timers = job.exceptionTimers;
    if (timers !== null) timers[ruleIndex] = NO_TIMER;
    const rule = job.queue?.exceptionPolicy?.rules[ruleIndex];
    // Timers are cancelled when the entry ends, so this guard only protects the invariant.
    if (job.status === "queued" && rule !== undefined) this.fire(job, rule);
  }

  /** Fires a rule on a queued job: the event, then its actions in order. */
  private fire(job: JobRecord, rule: ExceptionRuleRecord): void {
    if (job.firedExceptionRules?.includes(rule) === true) return;
    if (this.depth >= MAX_CHAINED_FIRINGS) return;
    const core = this.core;
    job.firedExceptionRules ??= [];
    job.firedExceptionRules.push(rule);
    const timers = job.exceptionTimers;
    const timer = timers?.[rule.index] ?? NO_TIMER;
    if (timer !== NO_TIMER) {
      core.engine.cancel(timer);
      (timers as number[])[rule.index] = NO_TIMER;
    }
    if (core.emitter.active) core.emitter.jobExceptionTriggered(core.now, job.index, rule.id);
    this.depth++;
    try {
      for (const action of rule.actions) {
        if (job.status !== "queued") break;
        this.run(job, action);
      }
    } finally {
      this.depth--;
    }
  }

  private run(job: JobRecord, action: ExceptionActionRecord): void {
    switch (action.kind) {
      case "cancel":
        this.flow.cancel(job, action.note, action.dispositionCode);
        return;
      case "manualReclassify":
        this.flow.move(job, action.queue, action.priority, action.workerSelectors);
        return;
      case "reclassify":
        this.flow.reclassify(job, action.policy, action.labelsToUpsert);
        return;
    }
  }
}
