/**
 * Interval staffing, occupancy and offered load from hand-written event streams, where every
 * number can be worked out by hand: staffing follows registrations (a draining worker counts the
 * share it still holds), occupancy is busy / staffed, and the offered load is the interval's
 * arrivals times the worker time an answered job of the queue held over the whole run.
 */
import { describe, expect, it } from "vitest";
import type { IntervalRow } from "../../src/metrics/types.ts";
import { answeredJob, collect, events, inTimeOrder, testSettings } from "./router-events.ts";

const chat = { channelId: "chat", capacityCostPerJob: 20, maxNumberOfJobs: null };

/** The rows of one queue, in interval order. */
function rowsOf(intervals: readonly IntervalRow[], queueId: string): IntervalRow[] {
  return intervals.filter((row) => row.queueId === queueId);
}

describe("staffedWorkers and occupancy", () => {
  /**
   * Horizon 100 s, intervals of 50 s, queues q1 and q2:
   *   a (capacity 1) serves q1 from 0 to the end;
   *   b (capacity 1) serves q1 and q2 from 0, deregisters at 25, comes back at 75 for q2 only;
   *   c (capacity 100) serves q2 from 0, deregisters at 20 while holding a chat (cost 20) that
   *     it keeps until 40: it counts 1 until 20, then the fifth of it the chat holds.
   */
  function staffedDay() {
    return inTimeOrder(
      [
        events.workerRegistered(0, "a", ["q1"]),
        events.workerRegistered(0, "b", ["q1", "q2"]),
        events.workerRegistered(0, "c", ["q2"], 100, [chat]),
        events.workerDeregistered(25, "b"),
        events.workerRegistered(75, "b", ["q2"]),
        events.workerDeregistered(20, "c"),
      ],
      answeredJob({
        id: "a-1",
        queueId: "q2",
        workerId: "c",
        arriveAt: 10,
        offerAt: 10,
        acceptAt: 10,
        completeAt: 30,
        closeAt: 40,
        channelId: "chat",
      }),
    );
  }
  const settings = testSettings({ queueIds: ["q1", "q2"] });
  const { metrics } = collect(settings, staffedDay(), 100);
  const q1 = rowsOf(metrics.intervals, "q1");
  const q2 = rowsOf(metrics.intervals, "q2");

  it("time-averages the workers registered for each queue, one per queue a worker serves", () => {
    // q1: a all along, b for 25 of the first 50 s.
    expect(q1.map((row) => row.staffedWorkers)).toEqual([1.5, 1]);
    // q2: b 0–25 and 75–100; c 1 × 20 s + 0.2 × 20 s draining, in the first interval.
    expect(q2[0]?.staffedWorkers).toBeCloseTo(0.5 + (20 + 0.2 * 20) / 50, 12);
    expect(q2[1]?.staffedWorkers).toBe(0.5);
  });

  it("divides busy by staffed workers for the occupancy", () => {
    // The chat holds a fifth of c from 10 to 40.
    expect(q2[0]?.busyWorkers).toBeCloseTo((0.2 * 30) / 50, 12);
    expect(q2[0]?.occupancy).toBeCloseTo((0.2 * 30) / 50 / (0.5 + 24 / 50), 12);
    expect(q2[1]?.occupancy).toBe(0);
    expect(q1.map((row) => row.occupancy)).toEqual([0, 0]);
  });

  it("leaves the occupancy undefined where nobody was staffed", () => {
    const { metrics: empty } = collect(
      testSettings(),
      [events.workerRegistered(60, "late", ["q"])],
      100,
    );
    expect(empty.intervals.map((row) => row.staffedWorkers)).toEqual([0, 40 / 50]);
    expect(empty.intervals[0]?.occupancy).toBeNaN();
    expect(empty.intervals[1]?.occupancy).toBe(0);
  });

  it("averages over the part of an interval that was simulated", () => {
    const { metrics: short } = collect(
      testSettings(),
      [events.workerRegistered(0, "w", ["q"])],
      75,
    );
    expect(short.intervals.map((row) => row.staffedWorkers)).toEqual([1, 1]);
  });

  it("drops while an expired offer has the worker deregistered, and counts it back", () => {
    const stream = [
      events.workerRegistered(0, "w", ["q"]),
      events.received(10, "a-1"),
      events.queued(10, "a-1", "q"),
      events.offerIssued(10, "a-1", "w", "o1", "q"),
      events.offerEnded("RouterWorkerOfferExpired", 40, "a-1", "w", "o1", "q"),
      events.workerDeregistered(40, "w"),
      events.workerRegistered(70, "w", ["q"]),
    ];
    const { metrics: expired } = collect(testSettings(), stream, 100);
    expect(expired.intervals.map((row) => row.staffedWorkers)).toEqual([40 / 50, 30 / 50]);
  });
});

describe("offeredLoad", () => {
  /**
   * Horizon 100 s, drain to 120 s, intervals of 50 s, one queue:
   *   a-1 arrives 0: offered to w1, declined at 4, offered again at 10, held until 40 → 34 s;
   *   a-2 arrives 20: offered to w2 at 20, abandons at 23 (its offer held w2 3 s, no answer);
   *   a-3 arrives 60: answered by w1 at 61, closed at 120 in the drain → 60 s.
   * Worker time per answered job: (34 + 3 + 60) / 2 = 48.5 s.
   */
  const stream = inTimeOrder(
    [events.workerRegistered(0, "w1", ["q"]), events.workerRegistered(0, "w2", ["q"])],
    [
      events.received(0, "a-1"),
      events.queued(0, "a-1", "q"),
      events.offerIssued(0, "a-1", "w1", "o1", "q"),
      events.offerEnded("RouterWorkerOfferDeclined", 4, "a-1", "w1", "o1", "q"),
      events.offerIssued(10, "a-1", "w1", "o2", "q"),
      events.offerAccepted(12, "a-1", "w1", "o2", "q"),
      events.completed(30, "a-1", "w1", "q"),
      events.closed(40, "a-1", "w1", "q"),
    ],
    [
      events.received(20, "a-2"),
      events.queued(20, "a-2", "q"),
      events.offerIssued(20, "a-2", "w2", "o3", "q"),
      events.cancelled(23, "a-2", "q", "Abandoned"),
    ],
    answeredJob({
      id: "a-3",
      queueId: "q",
      workerId: "w1",
      arriveAt: 60,
      offerAt: 60,
      acceptAt: 61,
      completeAt: 110,
      closeAt: 120,
    }),
  );

  it("is the interval's arrivals times the worker time per answered job, in workers", () => {
    const { metrics } = collect(testSettings(), stream, 120);
    expect(metrics.intervals.map((row) => row.arrivals)).toEqual([2, 1]);
    expect(metrics.intervals[0]?.offeredLoad).toBeCloseTo((2 * 48.5) / 50, 12);
    expect(metrics.intervals[1]?.offeredLoad).toBeCloseTo((1 * 48.5) / 50, 12);
  });

  it("is 0 without arrivals and undefined when no job of the queue was answered", () => {
    const unanswered = [
      events.workerRegistered(0, "w", ["q"]),
      events.received(70, "a-1"),
      events.queued(70, "a-1", "q"),
      events.cancelled(80, "a-1", "q", "Abandoned"),
    ];
    const { metrics } = collect(testSettings(), unanswered, 100);
    expect(metrics.intervals[0]?.offeredLoad).toBe(0);
    expect(metrics.intervals[1]?.offeredLoad).toBeNaN();
  });
});

describe("answeredWithinThreshold", () => {
  it("counts the interval's arrivals answered within the threshold", () => {
    // Threshold 10 s: a-1 waits 0 s, a-2 waits 20 s (both arrive in the first interval).
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w", ["q"])],
      answeredJob({
        id: "a-1",
        queueId: "q",
        workerId: "w",
        arriveAt: 0,
        offerAt: 0,
        acceptAt: 0,
        completeAt: 10,
        closeAt: 10,
      }),
      answeredJob({
        id: "a-2",
        queueId: "q",
        workerId: "w",
        arriveAt: 5,
        offerAt: 25,
        acceptAt: 25,
        completeAt: 30,
        closeAt: 30,
      }),
    );
    const { metrics } = collect(testSettings(), stream, 100);
    expect(metrics.intervals.map((row) => row.answeredWithinThreshold)).toEqual([1, 0]);
    expect(metrics.intervals[0]?.serviceLevel).toBe(1 / 2);
  });
});
