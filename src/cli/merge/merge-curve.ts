/**
 * Merging the shards of one day of `staff --per-interval`: the day's replications, in order,
 * reduced to each interval's estimates as the unsharded search reduces them, added to the days
 * merged before, and the search (its start and Erlang's curve derived from the scenario the
 * shards carry) replayed on them. Ended: the unsharded command's files, report
 * and exit code (curve-outputs.ts). Not yet: staff-progress.json with the next day to simulate.
 */
import { join } from "node:path";
import type { CurveSearchResult } from "../../planning/index.ts";
import { printLine } from "../output.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import type { CurveShardFile, MergedDayRecord, ShardReplication } from "../run/shard-file.ts";
import { dayEstimatesOf } from "../staff/curve-day.ts";
import { publishCurve } from "../staff/curve-outputs.ts";
import {
  CURVE_PROGRESS_FILE,
  CURVE_STUDY_OUTPUT_SET,
  renderCurveProgress,
} from "../staff/curve-shard-progress.ts";
import { replayCurveSearch } from "../staff/curve-shard-replay.ts";
import { curvePlanOf, curveSearchOf, curveStudyOf } from "../staff/per-interval.ts";
import { targetsOf } from "../staff/staff-options.ts";
import { staffFolderOf } from "../staff/staff-outputs.ts";
import type { StudyMergeOptions } from "./merge-studies.ts";

/** Where merged staff shards go without --out: where `staff --per-interval` writes. */
export function curveFolderOf(out: string | undefined, scenarioName: string): string {
  return out ?? `${staffFolderOf(undefined, scenarioName)}-intervals`;
}

/**
 * Merges one day's shards (`results`: its replications in order) into the study folder: the
 * search's answer when it has ended, else the progress for the next round. A merge whose shards'
 * days are not the search's own comes back as a problem line.
 */
export async function mergeCurve(
  file: CurveShardFile,
  results: readonly ShardReplication[],
  options: StudyMergeOptions,
): Promise<string | undefined> {
  const targets = targetsOf([...file.options.targets]);
  // The start, Erlang's curve and the targets' queues, derived as the shards derived them.
  const scenario = file.scenarioDefinition;
  const plan = curvePlanOf({
    scenario,
    groupId: file.options.group,
    targets,
    min: file.options.min,
    max: file.options.max,
  });
  const estimates = dayEstimatesOf(
    results.map((result) => result.metrics),
    file.staffing,
    { targets, queues: plan.queues, intervalLengthSeconds: scenario.intervalLengthSeconds },
  );
  const days: MergedDayRecord[] = [...file.days, { staffing: file.staffing, estimates }];
  const settings = {
    targets,
    start: plan.start,
    min: file.options.min,
    max: file.options.max,
    criterion: file.options.criterion,
    maxDays: file.options.maxDays,
    theory: plan.erlang.valuesAt,
  };
  const replay = await replayCurveSearch<CurveSearchResult>(curveSearchOf(settings), days);
  if (replay.kind === "diverged") {
    return `the shards' day ${replay.day} is not one this search asks for (shards edited, or of another ccsim)`;
  }
  const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
  const dayLine = `merged day ${days.length} (${results.length} replication(s) from ${options.shardCount} shard(s), ${jobs} jobs in the measurement window)`;
  if (replay.kind === "ended") {
    const study = curveStudyOf(
      scenario,
      { groupId: file.options.group, targets, criterion: file.options.criterion },
      plan.erlang,
      replay.result,
    );
    await publishCurve(study, {
      outputDirectory: options.outputDirectory,
      charts: options.charts,
      png: options.png,
      signal: options.signal,
      set: CURVE_STUDY_OUTPUT_SET,
      removedBecause: "the search has ended",
      studyLine: `${dayLine}; the search has ended after ${days.length} distinct day(s) simulated`,
    });
    return undefined;
  }
  const text = renderCurveProgress(file, days, replay.next);
  const published = publishOutputs(
    options.outputDirectory,
    new Map([[CURVE_PROGRESS_FILE, text]]),
    [],
    CURVE_STUDY_OUTPUT_SET,
  );
  printLine(dayLine);
  printLine(
    `${file.scenario}: the search goes on: day ${days.length + 1} of at most ${file.options.maxDays} is ${replay.next.join(" ")}`,
  );
  printLine(`wrote ${describeWritten(options.outputDirectory, published.written)}`);
  printPublicationNotes(published);
  printLine(
    `next: run the shards again with --resume ${options.outputDirectory}, then merge them into ${options.outputDirectory} (${join(options.outputDirectory, CURVE_PROGRESS_FILE)} is removed when the search ends)`,
  );
  return undefined;
}
