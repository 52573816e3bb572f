/**
 * Workers who can never help: none declared, groups never on duty (shifts at or after the
 * horizon, or `availableForOffers: false` without shifts), shifts that start at or after the
 * horizon, and groups that serve no queue any arrival stream can reach on their channels.
 */
import {
  parseDurationSeconds,
  type Scenario,
  type ScenarioSource,
  type WorkerGroupSpec,
} from "../scenario/index.ts";
import { type QueueReach, queueReachOf, reaches } from "./reach.ts";
import { type ModelWarning, quotedList, seconds } from "./warning.ts";

const NO_ONE_WORKS = "every job waits until its customer hangs up or the run ends";

/** Start times in seconds of a group's shifts in the order the file lists them. */
function shiftStartsAsWritten(groupIndex: number, source: ScenarioSource): (number | undefined)[] {
  const written = source.valueAt(["workers", groupIndex, "shifts"]);
  if (!Array.isArray(written)) return [];
  return written.map((shift: unknown) => {
    const start = (shift as { start?: unknown } | null)?.start;
    return typeof start === "number" || typeof start === "string"
      ? parseDurationSeconds(start)
      : undefined;
  });
}

/** Duty warnings of one group; returns whether the group is ever on duty before the horizon. */
function dutyWarnings(
  group: WorkerGroupSpec,
  index: number,
  scenario: Scenario,
  source: ScenarioSource,
  warnings: ModelWarning[],
): boolean {
  const horizon = seconds(scenario.horizonSeconds);
  // A staffing vector says who is on duty in each interval; validation checks its shape.
  if (group.staffing !== undefined) return true;
  if (group.shifts === undefined) {
    if (group.availableForOffers) return true;
    warnings.push({
      path: ["workers", index, "availableForOffers"],
      message:
        "these workers are never on duty: availableForOffers is false and they have no shifts",
      hint: "remove availableForOffers: false, or give them shifts",
    });
    return false;
  }
  const starts = shiftStartsAsWritten(index, source);
  const late = starts.flatMap((start, shiftIndex) =>
    start !== undefined && start >= scenario.horizonSeconds ? [shiftIndex] : [],
  );
  if (late.length > 0 && late.length === group.shifts.length) {
    warnings.push({
      path: ["workers", index, "shifts"],
      message: `every shift of these workers starts at or after the horizon (${horizon}), when no more jobs arrive: they never serve a job that arrives in the run`,
      hint: `shift times count from the start of the run; the horizon is ${horizon}`,
    });
    return false;
  }
  for (const shiftIndex of late) {
    warnings.push({
      path: ["workers", index, "shifts", shiftIndex, "start"],
      message: `this shift starts at or after the horizon (${horizon}), when no more jobs arrive`,
      hint: `shift times count from the start of the run; the horizon is ${horizon}`,
    });
  }
  return true;
}

/** A warning when the group serves no queue that jobs on its channels can reach. */
function idleGroupWarning(
  group: WorkerGroupSpec,
  index: number,
  scenario: Scenario,
  reachesByArrival: readonly QueueReach[],
): ModelWarning | undefined {
  const channels = new Set(group.channels.map((channel) => channel.channelId));
  const served = (reach: QueueReach) => group.queues.some((queueId) => reaches(reach, queueId));
  const usable = scenario.arrivals.some(
    (arrival, arrivalIndex) =>
      channels.has(arrival.channelId) && served(reachesByArrival[arrivalIndex] as QueueReach),
  );
  if (usable) return undefined;
  if (group.queues.length === 0) {
    return {
      path: ["workers", index, "queues"],
      message: "these workers serve no queue, so they never get a job",
      hint: "list the queues they serve",
    };
  }
  if (!reachesByArrival.some(served)) {
    return {
      path: ["workers", index, "queues"],
      message: `no arrival stream's jobs can reach any of these workers' queues (${quotedList(group.queues)}), so they never get a job`,
      hint: "list a queue that an arrival stream sends jobs to",
    };
  }
  const arriving = scenario.arrivals
    .filter((_, arrivalIndex) => served(reachesByArrival[arrivalIndex] as QueueReach))
    .map((arrival) => arrival.channelId);
  // A channel no worker handles is already a warning on each stream using it (fixing that
  // fixes this group); saying it again here would only double the noise.
  const handled = new Set(
    scenario.workers.flatMap((other) => other.channels.map((c) => c.channelId)),
  );
  if (arriving.every((channelId) => !handled.has(channelId))) return undefined;
  return {
    path: ["workers", index, "channels"],
    message: `the jobs that reach these workers' queues come on channel ${quotedList([...new Set(arriving)].sort())}, which they do not handle, so they never get a job`,
    hint: "add that channel to their channels",
  };
}

/** Every worker warning of the scenario. */
export function workerWarnings(scenario: Scenario, source: ScenarioSource): ModelWarning[] {
  if (scenario.workers.length === 0) {
    return [
      {
        path: ["workers"],
        message: `there are no workers: ${NO_ONE_WORKS}`,
        hint: "add a worker group under workers",
        atKey: true,
      },
    ];
  }
  const warnings: ModelWarning[] = [];
  const reachesByArrival = scenario.arrivals.map((arrival) => queueReachOf(arrival, scenario));
  let anyoneWorks = false;
  scenario.workers.forEach((group, index) => {
    const works = dutyWarnings(group, index, scenario, source, warnings);
    anyoneWorks = anyoneWorks || works;
    const idle = idleGroupWarning(group, index, scenario, reachesByArrival);
    if (idle !== undefined) warnings.push(idle);
  });
  if (!anyoneWorks) {
    warnings.push({
      path: ["workers"],
      message: `no worker is ever on duty before the horizon: ${NO_ONE_WORKS}`,
      atKey: true,
    });
  }
  return warnings;
}
