/**
 * `ccsim staff --per-interval --shard i/n [--resume STUDY]`: one round of a sharded staffing-
 * curve search. The search is replayed on the days merged so far (none in round 1, else those of
 * STUDY's progress file, checked to be this search's); the first day it asks for that is not
 * simulated is simulated on this shard's replications and written to shard.json for merge.
 */
import { UsageError } from "../../errors.ts";
import { printErrorLine, printLine } from "../output.ts";
import { describeProvenance } from "../run/provenance.ts";
import { replicationsOfShard, type ShardSpec } from "../run/shard.ts";
import { type MergedDayRecord, renderCurveShardFile, scenarioSha256Of } from "../run/shard-file.ts";
import { publishShardText } from "../run/shard-outputs.ts";
import { interruptible } from "../session/interruptible.ts";
import { dayContextOf, simulateDay } from "./curve-day.ts";
import { CURVE_OUTPUT_SET } from "./curve-outputs.ts";
import {
  CURVE_PROGRESS_FILE,
  type CurveStudyHeader,
  progressMismatches,
  readCurveProgress,
} from "./curve-shard-progress.ts";
import { replayCurveSearch } from "./curve-shard-replay.ts";
import { type CurveRequest, curvePlanOf, curveSearchOf } from "./per-interval.ts";

/**
 * The identity of `request`'s search, as its shards and progress file record it: the scenario
 * (by hash) and the options, from which the start and Erlang's curve follow (curvePlanOf).
 */
export function curveStudyHeaderOf(request: CurveRequest): CurveStudyHeader {
  const { scenario } = request;
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    replications: scenario.replications,
    provenance: describeProvenance(request.file, scenario),
    scenarioSha256: scenarioSha256Of(scenario),
    options: {
      group: request.groupId,
      targets: request.targets.map((target) => target.text),
      criterion: request.criterion,
      min: request.min,
      max: request.max,
      maxDays: request.maxDays,
    },
  };
}

/** The days merged so far: none without --resume, else the study's (refused when not ours). */
function daysOf(resume: string | undefined, header: CurveStudyHeader): readonly MergedDayRecord[] {
  if (resume === undefined) return [];
  const progress = readCurveProgress(resume);
  if (typeof progress === "string") throw new UsageError(progress);
  const problems = progressMismatches(progress, header, resume);
  if (problems.length > 0) throw new UsageError(problems.join("\nccsim: "));
  return progress.days;
}

/** Simulates this round's day on `shard`'s replications and writes its shard.json. */
export async function staffCurveShard(
  request: CurveRequest,
  shard: ShardSpec,
  resume: string | undefined,
): Promise<void> {
  const { scenario } = request;
  const only = replicationsOfShard(shard, scenario.replications);
  const plan = curvePlanOf(request);
  const header = curveStudyHeaderOf(request);
  const days = daysOf(resume, header);
  const replay = await replayCurveSearch(
    curveSearchOf({ ...request, start: plan.start, theory: plan.erlang.valuesAt }),
    days,
  );
  if (replay.kind === "diverged") {
    throw new UsageError(
      `--resume ${resume}: its day ${replay.day} is not the one this search asks for (a progress file edited, or written for another search)`,
    );
  }
  if (replay.kind === "ended") {
    throw new UsageError(
      `--resume ${resume}: the search ends on the ${days.length} day(s) merged there; merge the last round's shards again to write its answer`,
    );
  }
  const staffing = replay.next;
  const dayNumber = days.length + 1;
  printErrorLine(
    `${scenario.name}: day ${dayNumber} of at most ${request.maxDays} of group ${request.groupId}'s staffing per interval, shard ${shard.index}/${shard.count}: ${staffing.join(" ")}`,
  );
  await interruptible(async (signal) => {
    const context = dayContextOf(request, signal);
    const started = performance.now();
    const simulated = await simulateDay(context, staffing, `day ${dayNumber}`, only);
    const wallSeconds = (performance.now() - started) / 1000;
    const jobs = simulated.results.reduce((sum, one) => sum + one.metrics.overall.arrived, 0);
    const text = renderCurveShardFile(
      {
        scenario: header.scenario,
        seed: header.seed,
        replications: header.replications,
        shard,
        provenance: header.provenance,
      },
      {
        scenarioSha256: header.scenarioSha256,
        scenarioDefinition: scenario,
        options: header.options,
        days,
        staffing,
        results: simulated.results.map((one) => ({
          replication: one.replication,
          metrics: one.metrics,
        })),
      },
    );
    publishShardText({
      outputDirectory: request.outputDirectory,
      shard,
      text,
      scenarioName: scenario.name,
      replications: scenario.replications,
      held: only,
      replicationsLine: `day ${dayNumber}: ${only.length} replication(s), ${jobs} jobs in the measurement window, ${wallSeconds.toFixed(2)} s wall time`,
      set: CURVE_OUTPUT_SET,
    });
  });
  printLine(
    `then, while the merged folder holds ${CURVE_PROGRESS_FILE}, run the shards again with --resume <that folder>`,
  );
}
