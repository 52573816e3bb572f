import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RouterEvent } from "../../src/router/events.ts";
import { assertProperty } from "../support/property.ts";
import { answeredJob, collect, events, inTimeOrder, testSettings } from "./router-events.ts";

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
