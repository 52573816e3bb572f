import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricValues } from "../../src/metrics/types.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { assertProperty } from "../support/property.ts";
import {
  answeredJob,
  collect,
  conservationGap,
  events,
  inTimeOrder,
  testSettings,
} from "./router-events.ts";

/** A job of a random history: answered after `waitSeconds`, or abandoned then. */
interface ScriptedJob {
  arrivalId: "a" | "b";
  arriveAt: number;
  waitSeconds: number;
  handleSeconds: number;
  abandons: boolean;
}

const scriptedJob = fc.record({
  arrivalId: fc.constantFrom<"a" | "b">("a", "b"),
  arriveAt: fc.integer({ min: 0, max: 49 }),
  waitSeconds: fc.integer({ min: 0, max: 30 }),
  handleSeconds: fc.integer({ min: 1, max: 20 }),
  abandons: fc.boolean(),
});

/** Each job has a worker of its own, so every history is feasible. */
function historyOf(jobs: readonly ScriptedJob[]): RouterEvent[] {
  return inTimeOrder(
    ...jobs.map((job, index) => {
      const id = `${job.arrivalId}-${index}`;
      const workerId = `w${index}`;
      const register = events.workerRegistered(0, workerId, ["q"]);
      const decidedAt = job.arriveAt + job.waitSeconds;
      if (job.abandons) {
        return [
          register,
          events.received(job.arriveAt, id),
          events.queued(job.arriveAt, id, "q"),
          events.cancelled(decidedAt, id, "q", "Abandoned"),
        ];
      }
      const doneAt = decidedAt + job.handleSeconds;
      return [
        register,
        ...answeredJob({
          id,
          queueId: "q",
          workerId,
          arriveAt: job.arriveAt,
          offerAt: decidedAt,
          acceptAt: decidedAt,
          completeAt: doneAt,
          closeAt: doneAt,
        }),
      ];
    }),
  );
}

describe("MetricsCollector on random histories", () => {
  it("agrees with sums computed directly from the script", () => {
    assertProperty(
      fc.property(fc.array(scriptedJob, { minLength: 1, maxLength: 40 }), (jobs) => {
        const settings = testSettings({ arrivalIds: ["a", "b"], serviceLevelThresholdSeconds: 10 });
        const { collector, metrics } = collect(settings, historyOf(jobs), 100);
        const { overall, arrivals } = metrics;
        const answered = jobs.filter((job) => !job.abandons);
        const totalWait = jobs.reduce((sum, job) => sum + job.waitSeconds, 0);
        const totalHandle = answered.reduce((sum, job) => sum + job.handleSeconds, 0);
        expect(collector.liveJobCount).toBe(0);
        expect(overall.arrived).toBe(jobs.length);
        expect(overall.assigned).toBe(answered.length);
        expect(overall.abandoned).toBe(jobs.length - answered.length);
        expect((arrivals.a?.arrived ?? 0) + (arrivals.b?.arrived ?? 0)).toBe(jobs.length);
        // Every job is queued exactly for its wait, inside [0, 100).
        expect(overall.queueLengthMean * 100).toBeCloseTo(totalWait, 9);
        expect(overall.utilization * jobs.length * 100).toBeCloseTo(totalHandle, 9);
        const within = answered.filter((job) => job.waitSeconds <= 10).length;
        const shortAbandons = jobs.filter((job) => job.abandons && job.waitSeconds <= 10).length;
        expect(overall.serviceLevel).toBe(within / jobs.length);
        expect(overall.serviceLevelExcludingShortAbandons).toBe(
          jobs.length - shortAbandons > 0 ? within / (jobs.length - shortAbandons) : Number.NaN,
        );
        expect(overall.serviceLevel).toBeLessThanOrEqual(overall.serviceLevelOfAnswered || 0);
      }),
      { seed: 20261, numRuns: 200 },
    );
  });
});

/** A job that may move between queues before (and after) its first answer. */
interface MovingJob {
  arriveAt: number;
  failsClassification: boolean;
  /** Queue indexes entered one after the other, a step of `stepSeconds` apart. */
  path: number[];
  stepSeconds: number;
  outcome: "answered" | "abandoned" | "cancelled" | "failed" | "waiting";
  /** For answered jobs: unassigned, moved to this queue and cancelled there. */
  movedAfterAnswerTo: number | null;
}

const QUEUES = ["q1", "q2", "q3"];

const movingJob = fc.record({
  arriveAt: fc.integer({ min: 0, max: 49 }),
  failsClassification: fc.boolean(),
  path: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
  stepSeconds: fc.integer({ min: 0, max: 5 }),
  outcome: fc.constantFrom<MovingJob["outcome"]>(
    "answered",
    "abandoned",
    "cancelled",
    "failed",
    "waiting",
  ),
  movedAfterAnswerTo: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
});

function movingHistory(job: MovingJob, index: number): RouterEvent[] {
  const id = `a-${index}`;
  const workerId = `w${index}`;
  const history: RouterEvent[] = [events.workerRegistered(0, workerId, QUEUES)];
  let t = job.arriveAt;
  history.push(events.received(t, id));
  if (job.failsClassification) return [...history, events.classificationFailed(t, id)];
  let queue = QUEUES[job.path[0] as number] as string;
  history.push(events.queued(t, id, queue));
  for (const next of job.path.slice(1)) {
    t += job.stepSeconds;
    queue = QUEUES[next] as string;
    history.push(
      events.exceptionTriggered(t, id, queue),
      events.classified(t, id, queue),
      events.queued(t, id, queue),
    );
  }
  t += 1;
  switch (job.outcome) {
    case "waiting":
      return history;
    case "abandoned":
    case "cancelled":
      return [
        ...history,
        events.cancelled(t, id, queue, job.outcome === "abandoned" ? "Abandoned" : "X"),
      ];
    case "failed":
      return [...history, events.classificationFailed(t, id)];
    case "answered": {
      history.push(
        events.offerIssued(t, id, workerId, `o-${id}`, queue),
        events.offerAccepted(t, id, workerId, `o-${id}`, queue),
      );
      if (job.movedAfterAnswerTo === null) {
        return [
          ...history,
          events.completed(t + 1, id, workerId, queue),
          events.closed(t + 1, id, workerId, queue),
        ];
      }
      const later = QUEUES[job.movedAfterAnswerTo] as string;
      return [
        ...history,
        events.unassigned(t + 1, id, workerId, queue),
        events.queued(t + 1, id, queue),
        events.classified(t + 2, id, later),
        events.queued(t + 2, id, later),
        events.cancelled(t + 3, id, later, "X"),
      ];
    }
  }
}

/** Queue changes while the job waited for its first answer. */
function movesBeforeAnswer(job: MovingJob): number {
  if (job.failsClassification) return 0;
  return job.path.filter((queue, index) => index > 0 && queue !== job.path[index - 1]).length;
}

describe("MetricsCollector with jobs moving between queues", () => {
  it("conserves jobs in every scope and counts each move once", () => {
    assertProperty(
      fc.property(fc.array(movingJob, { minLength: 1, maxLength: 30 }), (jobs) => {
        const settings = testSettings({ queueIds: QUEUES, horizonSeconds: 100 });
        const stream = inTimeOrder(...jobs.map(movingHistory));
        const { collector, metrics } = collect(settings, stream, 100);
        const queues = QUEUES.map((id) => metrics.queues[id] as MetricValues);
        const sum = (pick: (values: MetricValues) => number) =>
          queues.reduce((total, values) => total + pick(values), 0);
        for (const values of [metrics.overall, metrics.arrivals.a as MetricValues, ...queues]) {
          expect(conservationGap(values)).toBe(0);
        }
        const moves = jobs.reduce((total, job) => total + movesBeforeAnswer(job), 0);
        expect(metrics.overall.jobsMovedIn).toBe(moves);
        expect(sum((values) => values.jobsMovedIn)).toBe(moves);
        expect(sum((values) => values.jobsMovedOut)).toBe(moves);
        const queued = jobs.filter((job) => !job.failsClassification);
        expect(sum((values) => values.arrived)).toBe(queued.length);
        expect(sum((values) => values.assigned)).toBe(metrics.overall.assigned);
        expect(metrics.overall.assigned).toBe(
          queued.filter((job) => job.outcome === "answered").length,
        );
        const waiting = queued.filter((job) => job.outcome === "waiting").length;
        expect(metrics.overall.waitingAtEnd).toBe(waiting);
        expect(metrics.overall.inSystemAtEnd).toBe(waiting);
        expect(collector.liveJobCount).toBe(waiting);
      }),
      { seed: 20262, numRuns: 200 },
    );
  });
});
