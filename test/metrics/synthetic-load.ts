/**
 * A long synthetic event stream for the memory tests: `jobCount` jobs over a fixed 10-hour
 * horizon (so the interval grid does not grow with the count), 20 workers of capacity 1, two
 * queues and two arrival streams; every tenth job abandons, the others are answered at once and
 * closed five arrivals later. Events are generated on the fly, never held in a list.
 */
import { MetricsCollector } from "../../src/metrics/collector.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { events } from "./router-events.ts";

const HORIZON_SECONDS = 36_000;
const WORKERS = 20;
const HOLD_ARRIVALS = 5;

/** Runs the load through a collector; returns it, its metrics and the most jobs live at once. */
export function runSyntheticLoad(jobCount: number) {
  const collector = new MetricsCollector({
    warmupSeconds: 0,
    horizonSeconds: HORIZON_SECONDS,
    serviceLevelThresholdSeconds: 20,
    intervalSeconds: 900,
    queueIds: ["q0", "q1"],
    arrivalIds: ["a", "b"],
    arrivalOfJob: (jobId) => (jobId.startsWith("a-") ? 0 : 1),
    groupOfWorker: () => "w",
  });
  const observe = (event: RouterEvent) => collector.observe(event);
  for (let worker = 0; worker < WORKERS; worker++) {
    observe(events.workerRegistered(0, `w${worker}`, ["q0", "q1"]));
  }
  const stepSeconds = HORIZON_SECONDS / jobCount;
  let maxLiveJobs = 0;
  for (let n = 0; n < jobCount + HOLD_ARRIVALS; n++) {
    const time = n * stepSeconds;
    endJob(observe, n - HOLD_ARRIVALS, time);
    if (n % 10 === 4) cancelJob(observe, n - 1, time);
    if (n < jobCount) startJob(observe, n, time);
    maxLiveJobs = Math.max(maxLiveJobs, collector.liveJobCount);
  }
  const metrics = collector.finish(HORIZON_SECONDS + 1);
  return { collector, metrics, maxLiveJobs };
}

function jobId(n: number): string {
  return `${n % 2 === 0 ? "a" : "b"}-${n}`;
}

function queueOf(n: number): string {
  return n % 3 === 0 ? "q1" : "q0";
}

function startJob(observe: (event: RouterEvent) => void, n: number, time: number): void {
  const id = jobId(n);
  const queueId = queueOf(n);
  observe(events.received(time, id));
  observe(events.queued(time, id, queueId));
  if (n % 10 === 3) return;
  const workerId = `w${n % WORKERS}`;
  observe(events.offerIssued(time, id, workerId, `o${n}`, queueId));
  observe(events.offerAccepted(time, id, workerId, `o${n}`, queueId));
}

function endJob(observe: (event: RouterEvent) => void, n: number, time: number): void {
  if (n < 0 || n % 10 === 3) return;
  const id = jobId(n);
  const workerId = `w${n % WORKERS}`;
  observe(events.completed(time, id, workerId, queueOf(n)));
  observe(events.closed(time, id, workerId, queueOf(n)));
}

function cancelJob(observe: (event: RouterEvent) => void, n: number, time: number): void {
  observe(events.cancelled(time, jobId(n), queueOf(n), "Abandoned"));
}
