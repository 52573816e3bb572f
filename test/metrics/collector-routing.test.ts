/**
 * The metrics added for issue 8, on hand-written event streams: the delay probability (no
 * worker free on arrival, ring time excluded), exception/reclassification/move counters, the
 * rule for which queue a moved job counts in, and the conservation identity it guarantees.
 */
import { describe, expect, it } from "vitest";
import type { MetricValues } from "../../src/metrics/types.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { collect, conservationGap, events, inTimeOrder, testSettings } from "./router-events.ts";

/** A job offered at `offerAt` and accepted at `acceptAt` (ring time), done at `doneAt`. */
function answered(
  id: string,
  queueId: string,
  workerId: string,
  times: { arrive: number; offer: number; accept: number; done: number },
): RouterEvent[] {
  const offerId = `offer-${id}`;
  return [
    events.received(times.arrive, id),
    events.queued(times.arrive, id, queueId),
    events.offerIssued(times.offer, id, workerId, offerId, queueId),
    events.offerAccepted(times.accept, id, workerId, offerId, queueId),
    events.completed(times.done, id, workerId, queueId),
    events.closed(times.done, id, workerId, queueId),
  ];
}

describe("probabilityOfDelay", () => {
  /**
   * Two workers, ring time on every offer:
   *   a-1 arrives 0, offered at once to w1, accepted after 5 s of ringing → not delayed
   *   a-2 arrives 1, offered at once to w2, declined at 3, answered by w1 at 26–27 → not delayed
   *   a-3 arrives 2, both workers taken: offered at 30 → delayed
   *   a-4 arrives 3, nobody free, abandons at 8 → delayed (abandons count, as in Erlang A)
   */
  const stream = inTimeOrder(
    [events.workerRegistered(0, "w1", ["q"]), events.workerRegistered(0, "w2", ["q"])],
    answered("a-1", "q", "w1", { arrive: 0, offer: 0, accept: 5, done: 25 }),
    [
      events.received(1, "a-2"),
      events.queued(1, "a-2", "q"),
      events.offerIssued(1, "a-2", "w2", "o2", "q"),
      events.offerEnded("RouterWorkerOfferDeclined", 3, "a-2", "w2", "o2", "q"),
      events.offerIssued(26, "a-2", "w1", "o2b", "q"),
      events.offerAccepted(27, "a-2", "w1", "o2b", "q"),
      events.completed(40, "a-2", "w1", "q"),
      events.closed(40, "a-2", "w1", "q"),
    ],
    answered("a-3", "q", "w2", { arrive: 2, offer: 30, accept: 31, done: 50 }),
    [
      events.received(3, "a-4"),
      events.queued(3, "a-4", "q"),
      events.cancelled(8, "a-4", "q", "Abandoned"),
    ],
  );
  const { metrics } = collect(testSettings(), stream, 100);

  it("counts the jobs that found no worker free on arrival, over every arrival", () => {
    expect(metrics.overall.arrived).toBe(4);
    expect(metrics.overall.probabilityOfDelay).toBe(2 / 4);
    expect(metrics.queues.q?.probabilityOfDelay).toBe(2 / 4);
    expect(metrics.arrivals.a?.probabilityOfDelay).toBe(2 / 4);
  });

  it("differs from probabilityOfWait, where ring time counts as waiting", () => {
    // Every answered job waited > 0 from enqueue to acceptance, ringing included.
    expect(metrics.overall.probabilityOfWait).toBe(1);
  });

  it("is undefined without arrivals and 0 when every job is offered at once", () => {
    expect(collect(testSettings(), [], 100).metrics.overall.probabilityOfDelay).toBeNaN();
    const instant = inTimeOrder(
      [events.workerRegistered(0, "w1", ["q"])],
      answered("a-1", "q", "w1", { arrive: 0, offer: 0, accept: 0, done: 10 }),
    );
    expect(collect(testSettings(), instant, 100).metrics.overall.probabilityOfDelay).toBe(0);
  });
});

describe("escalation counters and the moved-job rule", () => {
  /**
   * Queues general and escalated; threshold 20 s; horizon 200 s, run stopped at 150 s.
   *   e-1 arrives 0 in general; exception at 45 reclassifies it into escalated; answered 50
   *   e-2 arrives 10 (classified into general on arrival: not a reclassification); answered 10
   *   e-3 arrives 20 in general; a flood-guard exception cancels it at 30
   *   e-4 arrives 60 in general; escalated at 105; still waiting when the run stops
   *   e-5 arrives 70 in general; reclassified at 115 into general again (no move); abandons 130
   */
  const escalate = (id: string, at: number): RouterEvent[] => [
    events.exceptionTriggered(at, id, "general"),
    events.classified(at, id, "escalated"),
    events.queued(at, id, "escalated"),
  ];
  const arrive = (id: string, at: number): RouterEvent[] => [
    events.received(at, id),
    events.queued(at, id, "general"),
  ];
  const stream = inTimeOrder(
    [
      events.workerRegistered(0, "agent", ["general"]),
      events.workerRegistered(0, "senior", ["general", "escalated"]),
    ],
    [
      ...arrive("e-1", 0),
      ...escalate("e-1", 45),
      events.offerIssued(50, "e-1", "senior", "o1", "escalated"),
      events.offerAccepted(50, "e-1", "senior", "o1", "escalated"),
      events.completed(100, "e-1", "senior", "escalated"),
      events.closed(100, "e-1", "senior", "escalated"),
    ],
    [
      events.received(10, "e-2"),
      events.classified(10, "e-2", "general"),
      events.queued(10, "e-2", "general"),
      events.offerIssued(10, "e-2", "agent", "o2", "general"),
      events.offerAccepted(10, "e-2", "agent", "o2", "general"),
      events.completed(40, "e-2", "agent", "general"),
      events.closed(40, "e-2", "agent", "general"),
    ],
    [
      ...arrive("e-3", 20),
      events.exceptionTriggered(30, "e-3", "general"),
      events.cancelled(30, "e-3", "general", "QueueFull"),
    ],
    [...arrive("e-4", 60), ...escalate("e-4", 105)],
    [
      ...arrive("e-5", 70),
      events.exceptionTriggered(115, "e-5", "general"),
      events.classified(115, "e-5", "general"),
      events.queued(115, "e-5", "general"),
      events.cancelled(130, "e-5", "general", "Abandoned"),
    ],
  );
  const settings = testSettings({
    arrivalIds: ["e"],
    queueIds: ["general", "escalated"],
    horizonSeconds: 200,
    serviceLevelThresholdSeconds: 20,
  });
  const { metrics } = collect(settings, stream, 150);
  const { overall } = metrics;
  const general = metrics.queues.general as MetricValues;
  const escalated = metrics.queues.escalated as MetricValues;

  it("counts exceptions and reclassifications where the job was", () => {
    expect(overall.exceptionsTriggered).toBe(4);
    expect(overall.jobsReclassified).toBe(3);
    expect(general.exceptionsTriggered).toBe(4);
    expect(general.jobsReclassified).toBe(3);
    expect(escalated.exceptionsTriggered).toBe(0);
    expect(metrics.arrivals.e?.exceptionsTriggered).toBe(4);
  });

  it("counts moves out of the queue left and into the queue entered", () => {
    expect(general.jobsMovedOut).toBe(2);
    expect(general.jobsMovedIn).toBe(0);
    expect(escalated.jobsMovedIn).toBe(2);
    expect(escalated.jobsMovedOut).toBe(0);
    expect(overall.jobsMovedIn).toBe(2);
    expect(overall.jobsMovedOut).toBe(2);
  });

  it("counts arrivals in the first queue and outcomes where the wait ended", () => {
    expect(general.arrived).toBe(5);
    expect(escalated.arrived).toBe(0);
    expect(general.assigned).toBe(1);
    expect(escalated.assigned).toBe(1);
    // The escalated job's wait runs from its first enqueue in general.
    expect(escalated.waitMean).toBe(50);
    expect(general.endedUnanswered).toBe(2);
    expect(general.abandoned).toBe(1);
    expect(escalated.waitingAtEnd).toBe(1);
    expect(escalated.inSystemAtEnd).toBe(1);
    // Per queue, "per arrived job" ratios are over arrived + moved in − moved out.
    expect(general.serviceLevel).toBe(1 / 3);
    expect(general.abandonmentRate).toBe(1 / 3);
    expect(escalated.serviceLevel).toBe(0 / 2);
    expect(escalated.abandonmentRate).toBe(0);
    // Delay is a property of the arrival: counted in the first queue.
    expect(general.probabilityOfDelay).toBe(4 / 5);
    expect(escalated.probabilityOfDelay).toBeNaN();
  });

  it("keeps the overall metrics' meaning", () => {
    expect(overall.arrived).toBe(5);
    expect(overall.assigned).toBe(2);
    expect(overall.cancelled).toBe(2);
    expect(overall.serviceLevel).toBe(1 / 5);
    expect(overall.waitMean).toBe((50 + 0) / 2);
    expect(overall.assigned).toBe(general.assigned + escalated.assigned);
  });

  it("conserves jobs in every scope", () => {
    for (const values of [overall, general, escalated, metrics.arrivals.e as MetricValues]) {
      expect(conservationGap(values)).toBe(0);
    }
  });
});

describe("moves after the first assignment", () => {
  it("leave the job where it was answered and are not counted as moves", () => {
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w1", ["q1", "q2"]), events.workerRegistered(0, "w2", ["q2"])],
      [
        events.received(0, "a-1"),
        events.queued(0, "a-1", "q1"),
        events.offerIssued(0, "a-1", "w1", "o1", "q1"),
        events.offerAccepted(0, "a-1", "w1", "o1", "q1"),
        events.unassigned(10, "a-1", "w1", "q1"),
        events.queued(10, "a-1", "q1"),
        events.exceptionTriggered(20, "a-1", "q1"),
        events.classified(20, "a-1", "q2"),
        events.queued(20, "a-1", "q2"),
        events.cancelled(30, "a-1", "q2", "QueueFull"),
      ],
    );
    const settings = testSettings({ queueIds: ["q1", "q2"] });
    const { metrics } = collect(settings, stream, 100);
    const q1 = metrics.queues.q1 as MetricValues;
    const q2 = metrics.queues.q2 as MetricValues;
    expect(q1.jobsMovedOut).toBe(0);
    expect(q2.jobsMovedIn).toBe(0);
    expect(q1.assigned).toBe(1);
    expect(q1.cancelled).toBe(1);
    // Cancelled after an answer: its wait had already ended.
    expect(q1.endedUnanswered).toBe(0);
    expect(q1.jobsReclassified).toBe(1);
    expect(q2.arrived + q2.assigned + q2.cancelled).toBe(0);
    // Queue length still follows the job: q1 10–20, q2 20–30.
    expect(q2.queueLengthMean).toBeCloseTo(10 / 100, 12);
    for (const values of [metrics.overall, q1, q2]) expect(conservationGap(values)).toBe(0);
  });
});
