/**
 * The wait estimate of queue statistics (`estimatedWaitTimeMinutes`, keyed by priority). The
 * service does not say how it estimates; ccsim estimates what a job placed now at each priority
 * present in the queue would wait, at the queue's recent pace with its present staff:
 *
 *   wait(p) = (jobs queued at priority p or higher) × (mean handle time) ÷ (active workers)
 *
 * - the mean handle time is that of the queue's last 50 assignments completed (from the offer's
 *   acceptance to the job's completion), seen in the router's events;
 * - the active workers are those registered for the queue now;
 * - jobs queued at priority p or higher are served before a new job of priority p (the queue's
 *   order), so it waits for that many to be handled.
 *
 * No estimate (an empty object) while the queue has no completed assignment or no active worker:
 * there is nothing to base one on. A queue-theoretic formula (Erlang C) would need an arrival
 * rate that a served router does not know ahead.
 */
import type { Router } from "../router/index.ts";

/** Completed assignments a queue's mean handle time is taken over. */
export const HANDLE_TIME_WINDOW = 50;

/** Handle times of recent assignments, per queue, from the router's events. */
export class WaitEstimates {
  /** Acceptance of each assignment still open: its queue and time. */
  private readonly open = new Map<string, { queueId: string; startSeconds: number }>();
  /** The latest handle times (seconds) per queue, oldest first, at most HANDLE_TIME_WINDOW. */
  private readonly handleTimes = new Map<string, number[]>();

  constructor(router: Router) {
    router.subscribe((event) => {
      if (event.type === "RouterWorkerOfferAccepted") {
        this.open.set(event.assignmentId, {
          queueId: event.queueId,
          startSeconds: event.timeSeconds,
        });
      } else if (event.type === "RouterJobCompleted") {
        const start = this.open.get(event.assignmentId);
        if (start === undefined) return;
        this.open.delete(event.assignmentId);
        const times = this.handleTimes.get(start.queueId) ?? [];
        times.push(event.timeSeconds - start.startSeconds);
        if (times.length > HANDLE_TIME_WINDOW) times.shift();
        this.handleTimes.set(start.queueId, times);
      } else if (event.type === "RouterJobUnassigned") {
        this.open.delete(event.assignmentId);
      }
    });
  }

  /** The queue's mean handle time in seconds, or null before its first completion. */
  meanHandleSeconds(queueId: string): number | null {
    const times = this.handleTimes.get(queueId);
    if (times === undefined || times.length === 0) return null;
    return times.reduce((sum, time) => sum + time, 0) / times.length;
  }

  /**
   * `estimatedWaitTimeMinutes` of a queue whose queued jobs have `priorities`, served by
   * `activeWorkers` workers: minutes by priority (as text), to two decimals.
   */
  estimate(
    queueId: string,
    priorities: readonly number[],
    activeWorkers: number,
  ): Record<string, number> {
    const handleSeconds = this.meanHandleSeconds(queueId);
    const estimates: Record<string, number> = {};
    if (handleSeconds === null || activeWorkers === 0) return estimates;
    for (const priority of new Set(priorities)) {
      const ahead = priorities.filter((other) => other >= priority).length;
      const minutes = (ahead * handleSeconds) / activeWorkers / 60;
      estimates[String(priority)] = Math.round(minutes * 100) / 100;
    }
    return estimates;
  }
}
