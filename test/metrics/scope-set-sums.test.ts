/**
 * ScopeSet's sums of seconds (handle time, abandon wait): with one queue and one arrival stream
 * the queue's and the stream's sums follow overall's and are copied from it (src/metrics/
 * scope-set.ts, `sumsFollowOverall`). The same random histories, with fractional times so that
 * the order of the additions shows in the bits, are run with one queue and one stream (the
 * shortcut) and with a spare queue and a spare stream that no job uses (the general path): the
 * metrics of overall, the queue and the stream must be the same to the bit. Some jobs leave the
 * shortcut's shape (a job of an unknown stream, one abandoned before it was queued), so the
 * copy at the first departure is exercised as well as the copy at the end.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { assertProperty } from "../support/property.ts";
import { answeredJob, collect, events, inTimeOrder, testSettings } from "./router-events.ts";

interface SumsJob {
  /** "x" is a stream the settings do not list. */
  streamId: "a" | "x";
  arriveAt: number;
  waitSeconds: number;
  handleSeconds: number;
  outcome: "answered" | "abandoned" | "abandonedUnqueued";
}

/** Seconds with a fraction that does not add exactly (thirds, sevenths). */
const seconds = (max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.constantFrom(0, 1 / 3, 1 / 7, 0.1))
    .map(([whole, fraction]) => whole + fraction);

const sumsJob = fc.record({
  streamId: fc.constantFrom<"a" | "x">("a", "a", "a", "a", "x"),
  arriveAt: seconds(60),
  waitSeconds: seconds(20),
  handleSeconds: seconds(30).map((value) => value + 0.5),
  outcome: fc.constantFrom<SumsJob["outcome"]>(
    "answered",
    "answered",
    "answered",
    "abandoned",
    "abandonedUnqueued",
  ),
});

function historyOf(jobs: readonly SumsJob[]): RouterEvent[] {
  return inTimeOrder(
    ...jobs.map((job, index) => {
      const id = `${job.streamId}-${index}`;
      const workerId = `w-${index}`;
      const register = events.workerRegistered(0, workerId, ["q"]);
      const decidedAt = job.arriveAt + job.waitSeconds;
      if (job.outcome === "abandonedUnqueued")
        return [
          register,
          events.received(job.arriveAt, id),
          events.cancelled(decidedAt, id, "q", "Abandoned"),
        ];
      if (job.outcome === "abandoned")
        return [
          register,
          events.received(job.arriveAt, id),
          events.queued(job.arriveAt, id, "q"),
          events.cancelled(decidedAt, id, "q", "Abandoned"),
        ];
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

function metricsOf(jobs: readonly SumsJob[], spare: boolean) {
  const settings = testSettings({
    queueIds: spare ? ["q", "spare"] : ["q"],
    arrivalIds: spare ? ["a", "b"] : ["a"],
    warmupSeconds: 5,
    horizonSeconds: 90,
  });
  const { metrics } = collect(settings, historyOf(jobs), 200);
  return { overall: metrics.overall, queue: metrics.queues.q, arrival: metrics.arrivals.a };
}

describe("ScopeSet sums of seconds following overall", () => {
  it("give every scope the same metrics as the general path", () => {
    assertProperty(
      fc.property(fc.array(sumsJob, { minLength: 1, maxLength: 40 }), (jobs) => {
        const shortcut = metricsOf(jobs, false);
        const general = metricsOf(jobs, true);
        expect(shortcut).toStrictEqual(general);
      }),
      { seed: 1212, numRuns: 300 },
    );
  });

  it("keeps the sums apart once a job leaves the shape", () => {
    const answered = (streamId: "a" | "x", arriveAt: number): SumsJob => ({
      streamId,
      arriveAt,
      waitSeconds: 1 / 3,
      handleSeconds: 2.1,
      outcome: "answered",
    });
    const jobs = [answered("a", 10), answered("x", 20), answered("a", 30)];
    const { overall, queue, arrival } = metricsOf(jobs, false);
    expect(overall).toStrictEqual(metricsOf(jobs, true).overall);
    // The job of stream "x" counts overall and in the queue, not in stream "a".
    expect(overall.arrived).toBe(3);
    expect(arrival?.arrived).toBe(2);
    expect(queue).toStrictEqual(metricsOf(jobs, true).queue);
    expect(arrival).toStrictEqual(metricsOf(jobs, true).arrival);
  });
});
