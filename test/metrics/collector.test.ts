import { describe, expect, it } from "vitest";
import { HISTOGRAM_RELATIVE_ERROR } from "../../src/metrics/histogram.ts";
import type { MetricValues } from "../../src/metrics/types.ts";
import { answeredJob, collect, events, inTimeOrder, testSettings } from "./router-events.ts";

/**
 * One worker of capacity 1, four jobs in [0, 100), threshold 10 s, intervals of 50 s:
 *   a-1 arrives 0,  offered/accepted 0       → wait 0,  handle 0–20,  closed 25
 *   a-2 arrives 5,  offered/accepted 25      → wait 20, handle 25–40, closed 40
 *   a-3 arrives 10, offered 40, accepted 42  → wait 32, handle 42–60, closed 70
 *   a-4 arrives 80, offered 80, accepted 83  → wait 3,  handle 83–90, closed 95
 */
function singleQueueDay() {
  return inTimeOrder(
    [events.workerRegistered(0, "w1", ["q"])],
    answeredJob({
      id: "a-1",
      queueId: "q",
      workerId: "w1",
      arriveAt: 0,
      offerAt: 0,
      acceptAt: 0,
      completeAt: 20,
      closeAt: 25,
    }),
    answeredJob({
      id: "a-2",
      queueId: "q",
      workerId: "w1",
      arriveAt: 5,
      offerAt: 25,
      acceptAt: 25,
      completeAt: 40,
      closeAt: 40,
    }),
    answeredJob({
      id: "a-3",
      queueId: "q",
      workerId: "w1",
      arriveAt: 10,
      offerAt: 40,
      acceptAt: 42,
      completeAt: 60,
      closeAt: 70,
    }),
    answeredJob({
      id: "a-4",
      queueId: "q",
      workerId: "w1",
      arriveAt: 80,
      offerAt: 80,
      acceptAt: 83,
      completeAt: 90,
      closeAt: 95,
    }),
  );
}

function relativeError(actual: number, exact: number): number {
  return Math.abs(actual - exact) / exact;
}

describe("MetricsCollector on a single-queue day", () => {
  const { collector, metrics } = collect(testSettings(), singleQueueDay(), 100);
  const overall = metrics.overall;

  it("counts jobs and offers", () => {
    expect(overall.arrived).toBe(4);
    expect(overall.assigned).toBe(4);
    expect(overall.completed).toBe(4);
    expect(overall.closed).toBe(4);
    expect(overall.offersIssued).toBe(4);
    expect(overall.offersAccepted).toBe(4);
    expect(overall.cancelled).toBe(0);
    expect(overall.inSystemAtEnd).toBe(0);
    expect(collector.liveJobCount).toBe(0);
  });

  it("measures waits from first enqueue to first assignment", () => {
    expect(overall.waitMean).toBe((0 + 20 + 32 + 3) / 4);
    expect(overall.waitMax).toBe(32);
    // Nearest rank over [0, 3, 20, 32]: rank 2 for p50, rank 4 for p90…p99, each within the
    // histogram's relative error.
    expect(relativeError(overall.waitP50, 3)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    expect(relativeError(overall.waitP90, 32)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    expect(relativeError(overall.waitP95, 32)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    expect(relativeError(overall.waitP99, 32)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    expect(overall.probabilityOfWait).toBe(3 / 4);
  });

  it("without abandonment the three service levels coincide", () => {
    // Within 10 s: a-1 (0 s) and a-4 (3 s).
    expect(overall.serviceLevel).toBe(0.5);
    expect(overall.serviceLevelOfAnswered).toBe(0.5);
    expect(overall.serviceLevelExcludingShortAbandons).toBe(0.5);
    expect(overall.abandonmentRate).toBe(0);
    expect(overall.abandonWaitMean).toBeNaN();
  });

  it("measures handle time, utilization and queue length", () => {
    expect(overall.handleTimeMean).toBe((20 + 15 + 18 + 7) / 4);
    // Capacity held 0–70 (assignments and wrap-up back to back) and 80–95, of 100 registered.
    expect(overall.utilization).toBeCloseTo(85 / 100, 12);
    // Queued: a-2 5–25, a-3 10–42, a-4 80–83; a-1 for no time at all.
    expect(overall.queueLengthMean).toBeCloseTo((20 + 32 + 3) / 100, 12);
    expect(overall.queueLengthMax).toBe(2);
    // Little's law on this path: λ·W = 4/100 · 13.75.
    expect(overall.queueLengthMean).toBeCloseTo((4 / 100) * overall.waitMean, 12);
  });

  it("gives the same numbers for the only queue and the only arrival stream", () => {
    expect(metrics.queues.q).toEqual(overall);
    expect(metrics.arrivals.a).toEqual(overall);
  });

  it("reports intervals by arrival time with time-averages inside each interval", () => {
    expect(metrics.intervals).toHaveLength(2);
    const [first, second] = metrics.intervals;
    expect(first).toMatchObject({ intervalStartSeconds: 0, intervalEndSeconds: 50, queueId: "q" });
    expect(first?.arrivals).toBe(3);
    expect(first?.answered).toBe(3);
    expect(first?.abandoned).toBe(0);
    expect(first?.serviceLevel).toBe(1 / 3);
    expect(first?.waitMean).toBe(52 / 3);
    expect(first?.queueLengthMean).toBeCloseTo(52 / 50, 12);
    expect(first?.busyWorkers).toBeCloseTo(1, 12);
    expect(second).toMatchObject({ intervalStartSeconds: 50, intervalEndSeconds: 100 });
    expect(second?.arrivals).toBe(1);
    expect(second?.serviceLevel).toBe(1);
    expect(second?.waitMean).toBe(3);
    expect(second?.queueLengthMean).toBeCloseTo(3 / 50, 12);
    expect(second?.busyWorkers).toBeCloseTo((20 + 15) / 50, 12);
  });

  it("reports the worker", () => {
    expect(metrics.workers).toEqual([
      {
        workerId: "w1",
        group: "w1",
        offersReceived: 4,
        offersAccepted: 4,
        offersDeclined: 0,
        offersExpired: 0,
        offersRevoked: 0,
        jobsHandled: 4,
        busySeconds: 85,
        utilization: 0.85,
      },
    ]);
  });
});

describe("MetricsCollector with abandonment", () => {
  /**
   * Threshold 10 s, one worker of capacity 2, all jobs arrive at 0:
   *   b-1 answered at 5 (within), b-4 answered at 15 (not within),
   *   b-2 abandons at 4 (short abandon), b-3 abandons at 30, b-5 is cancelled (not an abandon) at 2.
   */
  function abandonmentDay() {
    const register = events.workerRegistered(0, "w1", ["q"], 2);
    const abandon = (id: string, at: number, code: string) => [
      events.received(0, id),
      events.queued(0, id, "q"),
      events.cancelled(at, id, "q", code),
    ];
    return inTimeOrder(
      [register],
      answeredJob({
        id: "b-1",
        queueId: "q",
        workerId: "w1",
        arriveAt: 0,
        offerAt: 5,
        acceptAt: 5,
        completeAt: 50,
        closeAt: 50,
      }),
      answeredJob({
        id: "b-4",
        queueId: "q",
        workerId: "w1",
        arriveAt: 0,
        offerAt: 15,
        acceptAt: 15,
        completeAt: 60,
        closeAt: 60,
      }),
      abandon("b-2", 4, "Abandoned"),
      abandon("b-3", 30, "Abandoned"),
      abandon("b-5", 2, "Cancelled"),
    );
  }
  const settings = testSettings({ arrivalIds: ["b"] });
  const { collector, metrics } = collect(settings, abandonmentDay(), 100);
  const overall = metrics.overall;

  it("the three service levels differ as their definitions say", () => {
    expect(overall.arrived).toBe(5);
    expect(overall.serviceLevel).toBe(1 / 5);
    expect(overall.serviceLevelOfAnswered).toBe(1 / 2);
    // b-2 abandoned within the threshold and leaves the denominator; b-3 stays in it.
    expect(overall.serviceLevelExcludingShortAbandons).toBe(1 / 4);
  });

  it("counts abandons apart from other cancellations", () => {
    expect(overall.cancelled).toBe(3);
    expect(overall.abandoned).toBe(2);
    expect(overall.abandonmentRate).toBe(2 / 5);
    expect(overall.abandonWaitMean).toBe((4 + 30) / 2);
    expect(metrics.intervals[0]?.abandoned).toBe(2);
    expect(collector.liveJobCount).toBe(0);
  });
});

describe("MetricsCollector scopes and the warm-up", () => {
  /**
   * Warm-up 10 s, horizon 50 s, queues q1 and q2, arrival streams s1 and s2, threshold 20 s.
   *   s1-1 arrives 5 (before warm-up) in q1, answered 12     → not counted
   *   s1-2 arrives 15 in q1, answered 15                      → wait 0
   *   s2-1 arrives 20 in q2, answered 30                      → wait 10
   *   s2-2 arrives 25 in q1, moved to q2 at 35, answered 40   → wait 15, answered in q2
   *   s1-4 arrives 45 in q1 and is still queued at the end     → in system at end
   *   s1-3 arrives 50 (the horizon) in q1, never answered     → not counted
   */
  function scopedDay() {
    const answered = (id: string, queueId: string, arriveAt: number, acceptAt: number) =>
      answeredJob({
        id,
        queueId,
        workerId: "w1",
        arriveAt,
        offerAt: acceptAt,
        acceptAt,
        completeAt: acceptAt + 1,
        closeAt: acceptAt + 1,
      });
    const moved = answered("s2-2", "q2", 25, 40);
    moved[1] = events.queued(25, "s2-2", "q1");
    moved.splice(2, 0, events.queued(35, "s2-2", "q2"));
    return inTimeOrder(
      [events.workerRegistered(0, "w1", ["q1", "q2"], 10)],
      answered("s1-1", "q1", 5, 12),
      answered("s1-2", "q1", 15, 15),
      answered("s2-1", "q2", 20, 30),
      moved,
      [events.received(45, "s1-4"), events.queued(45, "s1-4", "q1")],
      [events.received(50, "s1-3"), events.queued(50, "s1-3", "q1")],
    );
  }
  const settings = testSettings({
    warmupSeconds: 10,
    horizonSeconds: 50,
    serviceLevelThresholdSeconds: 20,
    intervalSeconds: 25,
    queueIds: ["q1", "q2"],
    arrivalIds: ["s1", "s2"],
  });
  const { metrics } = collect(settings, scopedDay(), 60);
  const { overall, queues, arrivals } = metrics;

  it("counts only jobs that arrived in [warm-up, horizon)", () => {
    expect(overall.arrived).toBe(4);
    expect(overall.assigned).toBe(3);
    expect(overall.waitMean).toBe(25 / 3);
    expect(overall.inSystemAtEnd).toBe(1);
  });

  it("counts a job's arrival in its first queue and its outcome where its wait ended", () => {
    // s2-2 arrived in q1 and was answered in q2 after 15 s (its wait counts from first enqueue).
    expect(queues.q1?.arrived).toBe(3);
    expect(queues.q1?.jobsMovedOut).toBe(1);
    expect(queues.q1?.assigned).toBe(1);
    expect(queues.q1?.waitMean).toBe(0);
    expect(queues.q1?.inSystemAtEnd).toBe(1);
    expect(queues.q1?.waitingAtEnd).toBe(1);
    expect(queues.q2?.arrived).toBe(1);
    expect(queues.q2?.jobsMovedIn).toBe(1);
    expect(queues.q2?.assigned).toBe(2);
    expect(queues.q2?.waitMean).toBe(12.5);
    // Service level per queue is over arrived + moved in − moved out: q1 2 jobs, q2 2 jobs.
    expect(queues.q1?.serviceLevel).toBe(1 / 2);
    expect(queues.q2?.serviceLevel).toBe(2 / 2);
    expect(overall.jobsMovedIn).toBe(1);
    expect(overall.jobsMovedOut).toBe(1);
  });

  it("scopes a job to its arrival stream", () => {
    expect(arrivals.s1?.arrived).toBe(2);
    expect(arrivals.s1?.waitMean).toBe(0);
    expect(arrivals.s2?.arrived).toBe(2);
    expect(arrivals.s2?.waitMean).toBe(12.5);
  });

  it("measures queue length where jobs actually are, over [warm-up, horizon)", () => {
    // q1: s1-1 10–12, s2-2 25–35, s1-4 45–50; q2: s2-1 20–30, s2-2 35–40.
    expect(queues.q1?.queueLengthMean).toBeCloseTo(17 / 40, 12);
    expect(queues.q2?.queueLengthMean).toBeCloseTo(15 / 40, 12);
    expect(overall.queueLengthMean).toBeCloseTo(32 / 40, 12);
    expect(arrivals.s1?.queueLengthMean).toBeCloseTo(7 / 40, 12);
    expect(arrivals.s2?.queueLengthMean).toBeCloseTo(25 / 40, 12);
    expect(overall.queueLengthMax).toBe(2);
  });

  it("reports intervals over [0, horizon), warm-up included, per first queue", () => {
    const rows = metrics.intervals.map((row) => [
      row.intervalStartSeconds,
      row.queueId,
      row.arrivals,
    ]);
    expect(rows).toEqual([
      [0, "q1", 2],
      [25, "q1", 2],
      [0, "q2", 1],
      [25, "q2", 0],
    ]);
  });
});

describe("MetricsCollector capacity accounting", () => {
  const chat = { channelId: "chat", capacityCostPerJob: 20, maxNumberOfJobs: null };
  const voice = { channelId: "voice", capacityCostPerJob: 100, maxNumberOfJobs: null };

  it("counts reserved offers and wrap-up as capacity in use, and expiry as deregistration", () => {
    const { offerEnded } = events;
    const stream = [
      events.workerRegistered(0, "w", ["q"], 100, [voice, chat]),
      events.received(10, "a-1", "chat"),
      events.queued(10, "a-1", "q", "chat"),
      events.offerIssued(10, "a-1", "w", "o1", "q", "chat"),
      offerEnded("RouterWorkerOfferDeclined", 15, "a-1", "w", "o1", "q", "chat"),
      events.offerIssued(20, "a-1", "w", "o2", "q", "chat"),
      events.offerAccepted(22, "a-1", "w", "o2", "q", "chat"),
      events.received(30, "a-2", "chat"),
      events.queued(30, "a-2", "q", "chat"),
      events.offerIssued(30, "a-2", "w", "o3", "q", "chat"),
      events.offerAccepted(30, "a-2", "w", "o3", "q", "chat"),
      events.completed(40, "a-1", "w", "q"),
      events.closed(50, "a-1", "w", "q"),
      events.completed(60, "a-2", "w", "q"),
      events.closed(70, "a-2", "w", "q"),
      events.received(75, "a-3", "voice"),
      events.queued(75, "a-3", "q", "voice"),
      events.offerIssued(75, "a-3", "w", "o4", "q", "voice"),
      offerEnded("RouterWorkerOfferExpired", 80, "a-3", "w", "o4", "q", "voice"),
      events.workerDeregistered(80, "w"),
      events.workerRegistered(90, "w", ["q"], 100, [voice, chat]),
    ];
    const { metrics } = collect(testSettings(), stream, 100);
    // In use: 20 × (5 + 30) + 20 × 40 + 100 × 5 = 2000; registered: 100 × (80 + 10) = 9000.
    expect(metrics.overall.utilization).toBeCloseTo(2000 / 9000, 12);
    expect(metrics.overall.offersDeclined).toBe(1);
    expect(metrics.overall.offersExpired).toBe(1);
    expect(metrics.overall.inSystemAtEnd).toBe(1);
    expect(metrics.workers[0]).toMatchObject({
      offersReceived: 4,
      offersAccepted: 2,
      offersDeclined: 1,
      offersExpired: 1,
      jobsHandled: 2,
      busySeconds: 5 + 50 + 5,
    });
    expect(metrics.workers[0]?.utilization).toBeCloseTo(2000 / 9000, 12);
    // One chat of a 100-capacity worker is a fifth of a worker: 0.2 × 35 + 0.2 × 40 + 1 × 5 over 100 s.
    const busy = metrics.intervals.map((row) => row.busyWorkers);
    expect(busy[0]).toBeCloseTo((0.2 * (5 + 30) + 0.2 * 20) / 50, 12);
    expect(busy[1]).toBeCloseTo((0.2 * 20 + 1 * 5) / 50, 12);
  });

  it("counts a draining worker's registered capacity as the capacity it still holds", () => {
    const stream = [
      events.workerRegistered(0, "w", ["q"], 100, [chat]),
      ...answeredJob({
        id: "a-1",
        queueId: "q",
        workerId: "w",
        arriveAt: 10,
        offerAt: 10,
        acceptAt: 10,
        completeAt: 50,
        closeAt: 60,
        channelId: "chat",
      }),
      events.workerDeregistered(30, "w"),
    ];
    const { metrics } = collect(testSettings(), inTimeOrder(stream), 100);
    // In use 20 × 50 = 1000; registered 100 × 30 + 20 × 30 (draining 30–60) = 3600.
    expect(metrics.overall.utilization).toBeCloseTo(1000 / 3600, 12);
  });

  it("releases and counts the open offers of a cancelled job once", () => {
    const stream = [
      events.workerRegistered(0, "w", ["q"], 100, [chat]),
      events.received(10, "a-1", "chat"),
      events.queued(10, "a-1", "q", "chat"),
      events.offerIssued(10, "a-1", "w", "o1", "q", "chat"),
      events.cancelled(12, "a-1", "q", "Abandoned"),
      // The router revokes the offer after the cancel event.
      events.offerEnded("RouterWorkerOfferRevoked", 12, "a-1", "w", "o1", "q", "chat"),
    ];
    const { collector, metrics } = collect(testSettings(), stream, 100);
    expect(metrics.overall.offersRevoked).toBe(1);
    expect(metrics.workers[0]?.offersRevoked).toBe(1);
    expect(metrics.overall.utilization).toBeCloseTo((20 * 2) / (100 * 100), 12);
    expect(collector.liveJobCount).toBe(0);
  });

  it("measures a queue's utilization against the capacity of that queue's workers", () => {
    const stream = inTimeOrder(
      [
        events.workerRegistered(0, "only-q1", ["q1"]),
        events.workerRegistered(0, "both", ["q1", "q2"]),
      ],
      answeredJob({
        id: "a-1",
        queueId: "q2",
        workerId: "both",
        arriveAt: 0,
        offerAt: 0,
        acceptAt: 0,
        completeAt: 50,
        closeAt: 50,
      }),
    );
    const { metrics } = collect(testSettings({ queueIds: ["q1", "q2"] }), stream, 100);
    expect(metrics.queues.q2?.utilization).toBeCloseTo(50 / 100, 12);
    expect(metrics.queues.q1?.utilization).toBe(0);
    expect(metrics.overall.utilization).toBeCloseTo(50 / 200, 12);
    expect(metrics.arrivals.a?.utilization).toBeCloseTo(50 / 200, 12);
  });
});

describe("MetricsCollector job lifecycles", () => {
  it("keeps the first enqueue and the first assignment across an unassign", () => {
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w1", ["q"]), events.workerRegistered(0, "w2", ["q"])],
      [
        events.received(0, "a-1"),
        events.queued(0, "a-1", "q"),
        events.offerIssued(10, "a-1", "w1", "o1", "q"),
        events.offerAccepted(10, "a-1", "w1", "o1", "q"),
        events.unassigned(20, "a-1", "w1", "q"),
        events.queued(20, "a-1", "q"),
        events.offerIssued(30, "a-1", "w2", "o2", "q"),
        events.offerAccepted(30, "a-1", "w2", "o2", "q"),
        events.completed(40, "a-1", "w2", "q"),
        events.closed(40, "a-1", "w2", "q"),
      ],
    );
    const { metrics } = collect(testSettings(), stream, 100);
    const overall: MetricValues = metrics.overall;
    expect(overall.assigned).toBe(1);
    expect(overall.offersAccepted).toBe(2);
    expect(overall.unassignments).toBe(1);
    expect(overall.waitMean).toBe(10);
    expect(overall.handleTimeMean).toBe(10);
    expect(overall.queueLengthMean).toBeCloseTo(20 / 100, 12);
    // w1 held 10–20, w2 30–40, of 2 × 100 registered.
    expect(overall.utilization).toBeCloseTo(20 / 200, 12);
    expect(metrics.workers.map((row) => row.jobsHandled)).toEqual([0, 1]);
  });

  it("ends a job whose classification failed", () => {
    const stream = [events.received(1, "a-1"), events.classificationFailed(1, "a-1")];
    const { collector, metrics } = collect(testSettings(), stream, 100);
    expect(metrics.overall.arrived).toBe(1);
    expect(metrics.overall.classificationFailed).toBe(1);
    expect(metrics.overall.inSystemAtEnd).toBe(0);
    expect(metrics.queues.q?.arrived).toBe(0);
    expect(metrics.arrivals.a?.classificationFailed).toBe(1);
    expect(collector.liveJobCount).toBe(0);
  });

  it("leaves undefined metrics NaN and ignores queue spikes of no duration", () => {
    const stream = [
      events.workerRegistered(0, "w1", ["q"]),
      events.received(5, "a-1"),
      events.queued(5, "a-1", "q"),
    ];
    const instant = [
      events.offerIssued(5, "a-1", "w1", "o1", "q"),
      events.offerAccepted(5, "a-1", "w1", "o1", "q"),
    ];
    const { metrics } = collect(testSettings(), [...stream, ...instant], 100);
    expect(metrics.overall.queueLengthMax).toBe(0);
    expect(metrics.overall.handleTimeMean).toBeNaN();
    const empty = collect(testSettings(), [], 100).metrics.overall;
    expect(empty.waitMean).toBeNaN();
    expect(empty.waitP50).toBeNaN();
    expect(empty.serviceLevel).toBeNaN();
    expect(empty.utilization).toBeNaN();
    expect(empty.arrived).toBe(0);
  });

  it("produces structured-clone-able plain data", () => {
    const { metrics } = collect(testSettings(), singleQueueDay(), 100);
    expect(structuredClone(metrics)).toEqual(metrics);
  });
});
