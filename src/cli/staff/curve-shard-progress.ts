/**
 * staff-progress.json: where a sharded `staff --per-interval` stands between rounds, written by
 * `ccsim merge` while the search goes on and read by the next round's `--resume`. It holds the
 * search's identity (scenario and its hash, seed, replications, options: the start and Erlang's
 * curve follow from them) and every day merged so far, in exact JSON (a NaN estimate survives),
 * and is removed when the search ends.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Provenance } from "../../report/index.ts";
import { decodeExactJson, encodeExactJson } from "../run/exact-json.ts";
import {
  isChartFileOf,
  STAFF_INTERVALS_OUTPUT_FILES,
  STAFF_PROGRESS_OUTPUT_FILES,
} from "../run/output-names.ts";
import {
  CURVE_STUDY_SHAPES,
  type CurveStudyIdentity,
  type MergedDayRecord,
} from "../run/shard-file.ts";
import type { OutputSet } from "../run/stale-outputs.ts";

/**
 * The `format` field of a progress file, and its version (2: no `layout`, derived from the
 * scenario; a version-1 file is refused and its search started again).
 */
export const CURVE_PROGRESS_FORMAT = "ccsim-staff-progress";
export const CURVE_PROGRESS_VERSION = 2;

/** The progress file's name in the study folder. */
export const CURVE_PROGRESS_FILE = STAFF_PROGRESS_OUTPUT_FILES.staffProgress;

/** Which search a round belongs to: the identity every shard of it carries. */
export interface CurveStudyHeader extends CurveStudyIdentity {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly provenance: Provenance;
}

/** The progress file. */
export interface CurveProgressFile extends CurveStudyHeader {
  readonly format: typeof CURVE_PROGRESS_FORMAT;
  readonly formatVersion: typeof CURVE_PROGRESS_VERSION;
  /** Every day merged, in the order simulated. */
  readonly days: readonly MergedDayRecord[];
  /** The vector the next round simulates (for people: the shards replay the search for it). */
  readonly next: readonly number[];
}

/**
 * The folder of a sharded per-interval search, as the stale-file cleaner knows it: marked by
 * its progress file; the final files replace it (and a round's progress replaces an earlier
 * search's final files), so the folder never mixes two searches.
 */
export const CURVE_STUDY_OUTPUT_SET: OutputSet = {
  marker: CURVE_PROGRESS_FILE,
  isOwnMarker: (fields) => fields.format === CURVE_PROGRESS_FORMAT,
  topLevelNames: [STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv, CURVE_PROGRESS_FILE],
  isOwnChart: (name) => isChartFileOf(["staffing-curve"], name),
};

/** The text of a progress file. */
export function renderCurveProgress(
  header: CurveStudyHeader,
  days: readonly MergedDayRecord[],
  next: readonly number[],
): string {
  const file: CurveProgressFile = {
    format: CURVE_PROGRESS_FORMAT,
    formatVersion: CURVE_PROGRESS_VERSION,
    scenario: header.scenario,
    seed: header.seed,
    replications: header.replications,
    provenance: header.provenance,
    scenarioSha256: header.scenarioSha256,
    options: header.options,
    days,
    next,
  };
  return `${encodeExactJson(file)}\n`;
}

const wholeNumber = z.number().int().nonnegative();

const progressShape = z.object({
  format: z.literal(CURVE_PROGRESS_FORMAT),
  formatVersion: z.literal(CURVE_PROGRESS_VERSION),
  scenario: z.string(),
  seed: wholeNumber,
  replications: wholeNumber.min(1),
  provenance: CURVE_STUDY_SHAPES.provenance,
  scenarioSha256: z.string(),
  options: CURVE_STUDY_SHAPES.options,
  days: CURVE_STUDY_SHAPES.days,
  next: CURVE_STUDY_SHAPES.counts,
});

/**
 * The progress file in the study folder `folder` (`--resume`), or one line saying why there is
 * none: no such folder, a search that has ended, a folder that is not a study's, a broken file.
 */
export function readCurveProgress(folder: string): CurveProgressFile | string {
  try {
    if (!statSync(folder).isDirectory()) return `--resume ${folder}: not a folder`;
  } catch {
    return `--resume ${folder}: no such folder (give the --out folder of \`ccsim merge\`)`;
  }
  const path = join(folder, CURVE_PROGRESS_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    const ended = (() => {
      try {
        return statSync(join(folder, STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv)).isFile();
      } catch {
        return false;
      }
    })();
    return ended
      ? `--resume ${folder}: the search there has ended (its answer is in ${STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv}); there is no next day to simulate`
      : `--resume ${folder}: no ${CURVE_PROGRESS_FILE} there (not the --out folder of a \`ccsim merge\` of staff --per-interval shards)`;
  }
  let document: unknown;
  try {
    document = decodeExactJson(text);
  } catch {
    return `${path}: not JSON (damaged or cut short?)`;
  }
  const format = z.looseObject({ format: z.unknown(), formatVersion: z.unknown() });
  const header = format.safeParse(document);
  if (!header.success || header.data.format !== CURVE_PROGRESS_FORMAT) {
    return `${path}: not a ccsim progress file (no "format": "${CURVE_PROGRESS_FORMAT}")`;
  }
  const version = header.data.formatVersion;
  if (version !== CURVE_PROGRESS_VERSION) {
    const older = typeof version === "number" && version < CURVE_PROGRESS_VERSION;
    return `${path}: progress file format version ${String(version)}; this ccsim reads version ${CURVE_PROGRESS_VERSION}: ${older ? "written by an older ccsim, start the search again (its shards without --resume)" : "resume it with the ccsim that wrote it"}`;
  }
  const checked = progressShape.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined ? "" : issue.path.join(".");
    return `${path}: not a valid progress file (${where === "" ? "" : `${where}: `}${issue?.message ?? "invalid"})`;
  }
  // The document itself, not zod's copy: nothing dropped or reordered.
  return document as CurveProgressFile;
}

/**
 * Where `progress` is not the search `header` describes (this command line's), one line each:
 * a round resumed with another scenario, seed, option or ccsim version than the study's. The
 * start and Erlang's curve are not compared: the scenario's hash and the options decide them.
 */
export function progressMismatches(
  progress: CurveStudyHeader,
  header: CurveStudyHeader,
  folder: string,
): string[] {
  const fields: readonly [string, (one: CurveStudyHeader) => unknown][] = [
    ["ccsim version", (one) => one.provenance.ccsimVersion],
    ["scenario", (one) => one.scenario],
    ["scenario file", (one) => one.provenance.scenarioFile],
    ["scenario file's SHA-256", (one) => one.provenance.scenarioSha256],
    ["trace files", (one) => one.provenance.traceFiles],
    ["seed", (one) => one.seed],
    ["replication count", (one) => one.replications],
    ["scenario as checked", (one) => one.scenarioSha256],
    ["--group", (one) => one.options.group],
    ["--target", (one) => one.options.targets],
    ["--on-mean", (one) => one.options.criterion === "mean"],
    ["--min", (one) => one.options.min],
    ["--max", (one) => one.options.max],
    ["--max-days", (one) => one.options.maxDays],
  ];
  const problems: string[] = [];
  for (const [what, of] of fields) {
    const theirs = encodeExactJson(of(progress));
    const ours = encodeExactJson(of(header));
    if (theirs !== ours) {
      problems.push(
        `--resume ${folder}: the study's ${what} is ${theirs}, this command's ${ours}: resume a study with the options that started it`,
      );
    }
  }
  return problems;
}
