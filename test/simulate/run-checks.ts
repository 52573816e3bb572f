/**
 * Checks of one run's events against what its scenario says the people do, for property tests:
 * handle times and patience are the draws of each stream's own named random streams (job k of a
 * stream gets draw k), scaled by the handling worker's handleTimeFactor; workers with shifts get
 * offers only inside them.
 */
import { expect } from "vitest";
import { createDistribution, type DistributionSpec, RandomStream } from "../../src/random/index.ts";
import { workerIdsOf } from "../../src/scenario/index.ts";
import type { Run } from "../world/harness.ts";

/** One draw per job the stream created, from its `handle` or `patience` random stream. */
function draws(run: Run, arrivalId: string, spec: DistributionSpec, purpose: string): number[] {
  const count = run.events.filter(
    (event) =>
      event.type === "RouterJobReceived" && streamOf(run, event.jobId).spec.id === arrivalId,
  ).length;
  const distribution = createDistribution(spec);
  const random = RandomStream.root(run.scenario.seed, 0)
    .fork(`arrivals:${arrivalId}`)
    .fork(purpose);
  return Array.from({ length: count }, () => distribution.sample(random));
}

/** Job `<arrivalId>-<k>` → [arrival spec, k − 1]. */
function streamOf(run: Run, jobId: string) {
  const dash = jobId.lastIndexOf("-");
  const spec = run.scenario.arrivals.find((arrival) => arrival.id === jobId.slice(0, dash));
  if (spec === undefined) throw new Error(`no arrival stream for ${jobId}`);
  return { spec, index: Number(jobId.slice(dash + 1)) - 1 };
}

interface JobStory {
  arrivedAt: number;
  accepts: { atSeconds: number; workerId: string }[];
  unassigned: boolean;
  completedAt?: number;
  abandonedAt?: number;
}

function storiesOf(run: Run): Map<string, JobStory> {
  const stories = new Map<string, JobStory>();
  for (const event of run.events) {
    if (event.type === "RouterJobReceived") {
      stories.set(event.jobId, { arrivedAt: event.timeSeconds, accepts: [], unassigned: false });
      continue;
    }
    const story = "jobId" in event ? stories.get(event.jobId) : undefined;
    if (story === undefined) continue;
    if (event.type === "RouterWorkerOfferAccepted")
      story.accepts.push({ atSeconds: event.timeSeconds, workerId: event.workerId });
    if (event.type === "RouterJobUnassigned") story.unassigned = true;
    if (event.type === "RouterJobCompleted") story.completedAt = event.timeSeconds;
    if (event.type === "RouterJobCancelled" && event.dispositionCode === "Abandoned")
      story.abandonedAt = event.timeSeconds;
  }
  return stories;
}

function handleTimeFactors(run: Run): Map<string, number> {
  const factors = new Map<string, number>();
  for (const group of run.scenario.workers)
    for (const id of workerIdsOf(group)) factors.set(id, group.behavior.handleTimeFactor);
  return factors;
}

/** Completed jobs handled by one assignment took their drawn handle time × the worker's factor. */
export function expectHandleTimesAsDrawn(run: Run): void {
  const factors = handleTimeFactors(run);
  const drawnByStream = new Map(
    run.scenario.arrivals.map((spec) => [spec.id, draws(run, spec.id, spec.handleTime, "handle")]),
  );
  for (const [jobId, story] of storiesOf(run)) {
    const accept = story.accepts[0];
    if (story.completedAt === undefined || story.unassigned || accept === undefined) continue;
    const { spec, index } = streamOf(run, jobId);
    const drawn = drawnByStream.get(spec.id)?.[index] as number;
    expect(story.completedAt - accept.atSeconds).toBeCloseTo(
      drawn * (factors.get(accept.workerId) as number),
      6,
    );
  }
}

/** A job not assigned by arrival + drawn patience is abandoned then, and only then. */
export function expectPatienceAsDrawn(run: Run): void {
  const drawnByStream = new Map(
    run.scenario.arrivals.map((spec) => [
      spec.id,
      spec.patience === undefined ? [] : draws(run, spec.id, spec.patience, "patience"),
    ]),
  );
  for (const [jobId, story] of storiesOf(run)) {
    const { spec, index } = streamOf(run, jobId);
    const drawn = drawnByStream.get(spec.id)?.[index];
    if (drawn === undefined) {
      expect(story.abandonedAt).toBeUndefined();
      continue;
    }
    const dueAt = story.arrivedAt + drawn;
    const firstAccept = story.accepts[0]?.atSeconds ?? Number.POSITIVE_INFINITY;
    if (firstAccept <= dueAt) expect(story.abandonedAt).toBeUndefined();
    else if (dueAt <= run.result.endTimeSeconds) expect(story.abandonedAt).toBeCloseTo(dueAt, 6);
    else expect(story.abandonedAt).toBeUndefined();
  }
}

/** Workers with shifts get offers only inside a shift (its end included: a same-instant timer). */
export function expectOffersInsideShifts(run: Run): void {
  const shiftsOf = new Map<string, { startSeconds: number; endSeconds: number }[]>();
  for (const group of run.scenario.workers)
    if (group.shifts !== undefined)
      for (const id of workerIdsOf(group)) shiftsOf.set(id, group.shifts);
  for (const event of run.events) {
    if (event.type !== "RouterWorkerOfferIssued") continue;
    const shifts = shiftsOf.get(event.workerId);
    if (shifts === undefined) continue;
    const time = event.timeSeconds;
    expect(shifts.some((shift) => shift.startSeconds <= time && time <= shift.endSeconds)).toBe(
      true,
    );
  }
}
