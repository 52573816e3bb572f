/**
 * The wait grid and the per-replication wait curves from hand-written event streams: exact
 * counts on the grid, the service level's denominator, waits that fall exactly on a grid point,
 * and only jobs that arrived in the window.
 */
import { describe, expect, it } from "vitest";
import { waitGridOf } from "../../src/metrics/index.ts";
import type { ReplicationMetrics, WaitCurve } from "../../src/metrics/types.ts";
import { answeredJob, collect, events, inTimeOrder, testSettings } from "./router-events.ts";

function curveOf(metrics: ReplicationMetrics, scope: string): WaitCurve {
  const curve = metrics.waitCurves.find((one) => one.scope === scope);
  if (curve === undefined) throw new Error(`no curve for ${scope}`);
  return curve;
}

describe("waitGridOf", () => {
  it("has 61 points a quarter of the threshold apart, the threshold among them", () => {
    const grid = waitGridOf(20);
    expect(grid).toHaveLength(61);
    expect(grid.slice(0, 6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(grid.at(-1)).toBe(300);
    expect(grid[4]).toBe(20);
  });

  it("puts an awkward threshold exactly on the grid", () => {
    for (const threshold of [0.1, 7, 13.3, 29.999, 1e-3]) {
      expect(waitGridOf(threshold)[4]).toBe(threshold);
    }
  });

  it("steps by 5 s for a 0 s threshold", () => {
    const grid = waitGridOf(0);
    expect(grid[0]).toBe(0);
    expect(grid[1]).toBe(5);
    expect(grid.at(-1)).toBe(300);
  });
});

describe("wait curves of one replication", () => {
  /**
   * Threshold 10 s (grid step 2.5 s), one worker, all five jobs arrive at 0:
   *   b-1 answered at 5 (exactly on a grid point), b-4 answered at 15,
   *   b-2 abandons at 4, b-3 abandons at 30, b-5 is cancelled (not an abandon) at 2.
   */
  function abandonmentDay() {
    const abandon = (id: string, at: number, code: string) => [
      events.received(0, id),
      events.queued(0, id, "q"),
      events.cancelled(at, id, "q", code),
    ];
    const answered = (id: string, at: number) =>
      answeredJob({
        id,
        queueId: "q",
        workerId: "w1",
        arriveAt: 0,
        offerAt: at,
        acceptAt: at,
        completeAt: at + 40,
        closeAt: at + 40,
      });
    return inTimeOrder(
      [events.workerRegistered(0, "w1", ["q"], 2)],
      answered("b-1", 5),
      answered("b-4", 15),
      abandon("b-2", 4, "Abandoned"),
      abandon("b-3", 30, "Abandoned"),
      abandon("b-5", 2, "Cancelled"),
    );
  }
  const { metrics } = collect(testSettings({ arrivalIds: ["b"] }), abandonmentDay(), 100);

  it("gives one curve per scope, in summary.csv's order, on the threshold's grid", () => {
    expect(metrics.waitGridSeconds).toEqual(waitGridOf(10));
    expect(metrics.waitCurves.map((curve) => curve.scope)).toEqual([
      "overall",
      "queue:q",
      "arrival:b",
    ]);
  });

  it("counts answered and abandoned jobs within each grid point, over all five jobs", () => {
    const { answeredWithin, abandonedWithin } = curveOf(metrics, "overall");
    expect(answeredWithin).toHaveLength(61);
    // Grid points 0, 2.5, 5, 7.5, 10, 12.5, 15 s.
    expect(answeredWithin.slice(0, 7)).toEqual([0, 0, 1 / 5, 1 / 5, 1 / 5, 1 / 5, 2 / 5]);
    expect(answeredWithin.at(-1)).toBe(2 / 5);
    expect(abandonedWithin.slice(0, 3)).toEqual([0, 0, 1 / 5]);
    // 30 s is grid point 12.
    expect(abandonedWithin[11]).toBe(1 / 5);
    expect(abandonedWithin[12]).toBe(2 / 5);
    expect(abandonedWithin.at(-1)).toBe(metrics.overall.abandonmentRate);
  });

  it("is the service level at the threshold", () => {
    expect(curveOf(metrics, "overall").answeredWithin[4]).toBe(metrics.overall.serviceLevel);
    expect(curveOf(metrics, "queue:q").answeredWithin[4]).toBe(metrics.queues.q?.serviceLevel);
  });

  it("uses the service level's denominator for a queue jobs moved into", () => {
    // s-2 arrives in q1 and moves to q2 at 35, where it is answered after 15 s (threshold 20 s).
    const moved = answeredJob({
      id: "s-2",
      queueId: "q2",
      workerId: "w",
      arriveAt: 25,
      offerAt: 40,
      acceptAt: 40,
      completeAt: 41,
      closeAt: 41,
    });
    moved[1] = events.queued(25, "s-2", "q1");
    moved.splice(2, 0, events.queued(35, "s-2", "q2"));
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w", ["q1", "q2"])],
      answeredJob({
        id: "s-1",
        queueId: "q2",
        workerId: "w",
        arriveAt: 0,
        offerAt: 1,
        acceptAt: 1,
        completeAt: 2,
        closeAt: 2,
      }),
      moved,
    );
    const settings = testSettings({
      queueIds: ["q1", "q2"],
      arrivalIds: ["s"],
      serviceLevelThresholdSeconds: 20,
    });
    const { metrics: movedMetrics } = collect(settings, stream, 100);
    const q2 = curveOf(movedMetrics, "queue:q2");
    expect(q2.answeredWithin[4]).toBe(movedMetrics.queues.q2?.serviceLevel);
    expect(q2.answeredWithin[4]).toBe(1);
    // q1 kept no job: its curve is undefined, like its service level.
    expect(curveOf(movedMetrics, "queue:q1").answeredWithin[4]).toBeNaN();
    expect(movedMetrics.queues.q1?.serviceLevel).toBeNaN();
  });

  it("leaves out jobs that arrived in the warm-up, and waits beyond the grid", () => {
    const stream = inTimeOrder(
      [events.workerRegistered(0, "w", ["q"])],
      answeredJob({
        id: "a-1",
        queueId: "q",
        workerId: "w",
        arriveAt: 5,
        offerAt: 6,
        acceptAt: 6,
        completeAt: 7,
        closeAt: 7,
      }),
      answeredJob({
        id: "a-2",
        queueId: "q",
        workerId: "w",
        arriveAt: 20,
        offerAt: 21,
        acceptAt: 21,
        completeAt: 22,
        closeAt: 22,
      }),
      answeredJob({
        id: "a-3",
        queueId: "q",
        workerId: "w",
        arriveAt: 30,
        offerAt: 30 + 151,
        acceptAt: 30 + 151,
        completeAt: 200,
        closeAt: 200,
      }),
    );
    const { metrics: warm } = collect(testSettings({ warmupSeconds: 10 }), stream, 200);
    const { answeredWithin } = curveOf(warm, "overall");
    // Two jobs count (a-1 arrived in the warm-up); a-3 waited 151 s, past the last point 150 s.
    expect(answeredWithin[0]).toBe(0);
    expect(answeredWithin[1]).toBe(1 / 2);
    expect(answeredWithin.at(-1)).toBe(1 / 2);
  });
});
