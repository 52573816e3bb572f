/**
 * The partial result of one shard (`shard.json`) of a run, a compare, a sweep or a day of
 * `staff --per-interval` (`command`, shard-curve-file.ts):
 * what study it belongs to (scenario, its file's and trace files' SHA-256, seed, replication
 * count, ccsim version), which shard it is, what the final files need, and its replications'
 * metrics (per variant or point for compare and sweep), each with its true index. JSON has no
 * NaN, ±Infinity or -0, so those numbers are written as `{"$number": "NaN"}` etc.
 */
import { z } from "zod";
import type { Provenance } from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { decodeExactJson, encodeExactJson } from "./exact-json.ts";
import type { ShardSpec } from "./shard.ts";
import { type CurveShardFile, curveDefinitionOf } from "./shard-curve-file.ts";
import {
  SHARD_FILE_FORMAT,
  SHARD_FILE_VERSION,
  type ShardHeader,
  type ShardReplication,
} from "./shard-file-header.ts";
import type { CompareShardFile, SweepShardFile } from "./shard-study-file.ts";

export { decodeExactJson, encodeExactJson } from "./exact-json.ts";
export {
  type CurveShardFile,
  type CurveStudyIdentity,
  type MergedDayRecord,
  renderCurveShardFile,
} from "./shard-curve-file.ts";
export {
  SHARD_FILE_FORMAT,
  SHARD_FILE_VERSION,
  type ShardCommand,
  type ShardHeader,
  type ShardReplication,
} from "./shard-file-header.ts";
export {
  type CompareShardFile,
  type CompareShardOptions,
  renderCompareShardFile,
  renderSweepShardFile,
  type ShardSeries,
  type SweepShardDescription,
  type SweepShardFile,
  scenarioSha256Of,
} from "./shard-study-file.ts";

/** A shard of `ccsim run`. */
export interface RunShardFile extends ShardHeader {
  readonly command: "run";
  /** The scenario as simulated (seed and replications applied). */
  readonly scenarioDefinition: Scenario;
  /** This shard's replications, ascending. */
  readonly results: readonly ShardReplication[];
}

/** A shard's partial result, as written and read. */
export type ShardFile = RunShardFile | CompareShardFile | SweepShardFile | CurveShardFile;

/** The replication lists of a shard: one for a run, one per variant or point otherwise. */
export function seriesOf(file: ShardFile): readonly (readonly ShardReplication[])[] {
  if (file.command === "compare") return file.variants.map((variant) => variant.results);
  if (file.command === "sweep") return file.points.map((point) => point.results);
  return [file.results];
}

/** What, besides the header, must be the same in every shard of one study (as JSON text). */
export function definitionOf(file: ShardFile): string {
  if (file.command === "staff") return curveDefinitionOf(file);
  if (file.command === "compare") {
    return encodeExactJson({
      run: file.run,
      options: file.options,
      variants: file.variants.map(({ name, description, scenarioSha256 }) => ({
        name,
        description,
        scenarioSha256,
      })),
    });
  }
  if (file.command === "sweep") {
    return encodeExactJson({
      run: file.run,
      sweep: file.sweep,
      points: file.points.map(({ name, indices, scenarioSha256 }) => ({
        name,
        indices,
        scenarioSha256,
      })),
    });
  }
  return encodeExactJson(file.scenarioDefinition);
}

/** The text of a shard file: one JSON document and a newline. */
export function renderShardFile(
  shard: ShardSpec,
  scenario: Scenario,
  provenance: Provenance,
  results: readonly ShardReplication[],
): string {
  const file: RunShardFile = {
    format: SHARD_FILE_FORMAT,
    formatVersion: SHARD_FILE_VERSION,
    command: "run",
    scenario: scenario.name,
    seed: scenario.seed,
    replications: scenario.replications,
    shard,
    provenance,
    scenarioDefinition: scenario,
    results,
  };
  return `${encodeExactJson(file)}\n`;
}

/** Any number, NaN and ±Infinity included (zod's z.number() refuses them). */
const anyNumber = z.custom<number>((value) => typeof value === "number", "expected a number");
const numbers = z.array(anyNumber);
const scope = z.record(z.string(), anyNumber);
const row = z.record(z.string(), z.union([anyNumber, z.string(), z.boolean()]));

const metricsShape = z.object({
  overall: scope,
  queues: z.record(z.string(), scope),
  arrivals: z.record(z.string(), scope),
  intervals: z.array(row),
  workers: z.array(row),
  waitGridSeconds: numbers,
  waitCurves: z.array(
    z.object({ scope: z.string(), answeredWithin: numbers, abandonedWithin: numbers }),
  ),
});

const wholeNumber = z.number().int().nonnegative();

const replicationsShape = z.array(z.object({ replication: wholeNumber, metrics: metricsShape }));

const runDescriptionShape = z.looseObject({
  scenario: z.string(),
  seed: anyNumber,
  horizonSeconds: anyNumber,
  warmupSeconds: anyNumber,
  serviceLevelThresholdSeconds: anyNumber,
});

const headerFields = {
  format: z.literal(SHARD_FILE_FORMAT),
  formatVersion: z.literal(SHARD_FILE_VERSION),
  scenario: z.string(),
  seed: wholeNumber,
  replications: wholeNumber.min(1),
  shard: z.object({ index: wholeNumber.min(1), count: wholeNumber.min(1) }),
  provenance: z.object({
    ccsimVersion: z.string(),
    scenarioFile: z.string(),
    scenarioSha256: z.string().nullable(),
    traceFiles: z.array(z.object({ arrival: z.string(), file: z.string(), sha256: z.string() })),
  }),
};

const runShardShape = z.object({
  ...headerFields,
  command: z.literal("run").optional(),
  scenarioDefinition: z.looseObject({ name: z.string() }),
  results: replicationsShape,
});

const metricNames = z.array(z.string());

const compareShardShape = z.object({
  ...headerFields,
  command: z.literal("compare"),
  run: runDescriptionShape,
  options: z.object({
    baseline: wholeNumber,
    confidence: anyNumber,
    metrics: metricNames,
    scopes: z.enum(["overall", "all"]),
  }),
  variants: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      scenarioSha256: z.string(),
      results: replicationsShape,
    }),
  ),
});

const sweepShardShape = z.object({
  ...headerFields,
  command: z.literal("sweep"),
  run: runDescriptionShape,
  sweep: z.object({
    fields: z.array(
      z.object({ name: z.string(), labels: z.array(z.string()), values: z.array(z.unknown()) }),
    ),
    fixed: z.array(z.string()),
    metrics: metricNames,
  }),
  points: z.array(
    z.object({
      name: z.string(),
      indices: z.array(wholeNumber),
      scenarioSha256: z.string(),
      results: replicationsShape,
    }),
  ),
});

const estimatesShape = z.array(
  z.array(z.object({ mean: anyNumber, halfWidth: anyNumber.nullable() })),
);
const countsShape = z.array(wholeNumber);

const curveShardShape = z.object({
  ...headerFields,
  command: z.literal("staff"),
  scenarioSha256: z.string(),
  scenarioDefinition: z.looseObject({ name: z.string() }),
  options: z.object({
    group: z.string(),
    targets: z.array(z.string()),
    criterion: z.enum(["interval", "mean"]),
    min: wholeNumber,
    max: wholeNumber,
    maxDays: wholeNumber,
  }),
  days: z.array(z.object({ staffing: countsShape, estimates: estimatesShape })),
  staffing: countsShape,
  results: replicationsShape,
});

/** The shapes of a staff shard's search fields, for the progress file that carries them too. */
export const CURVE_STUDY_SHAPES = {
  options: curveShardShape.shape.options,
  days: curveShardShape.shape.days,
  counts: countsShape,
  provenance: headerFields.provenance,
  anyNumber,
} as const;

const SHAPES = {
  run: runShardShape,
  compare: compareShardShape,
  sweep: sweepShardShape,
  staff: curveShardShape,
} as const;

/**
 * The shard file in `text`, or the reason it is not one (a sentence without the file's name).
 * The parsed document itself is returned, not zod's copy, so nothing is dropped or reordered.
 */
export function parseShardFile(text: string): ShardFile | string {
  let document: unknown;
  try {
    document = decodeExactJson(text);
  } catch {
    return "not JSON (damaged or cut short?)";
  }
  const header = z
    .looseObject({
      format: z.unknown(),
      formatVersion: z.unknown(),
      command: z.unknown().optional(),
    })
    .safeParse(document);
  if (!header.success || header.data.format !== SHARD_FILE_FORMAT) {
    return `not a ccsim shard file (no "format": "${SHARD_FILE_FORMAT}")`;
  }
  const version = header.data.formatVersion;
  if (version !== SHARD_FILE_VERSION) {
    const older = typeof version === "number" && version < SHARD_FILE_VERSION;
    return `shard file format version ${String(version)}; this ccsim reads version ${SHARD_FILE_VERSION}: ${older ? "written by an older ccsim, run the shards again with this one" : "merge with the ccsim that ran the shards"}`;
  }
  const command = header.data.command ?? "run";
  if (command !== "run" && command !== "compare" && command !== "sweep" && command !== "staff") {
    return `a shard of "${String(command)}"; this ccsim merges shards of run, compare, sweep and staff --per-interval`;
  }
  const checked = SHAPES[command].safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue === undefined ? "" : issue.path.join(".");
    return `not a valid shard file (${path === "" ? "" : `${path}: `}${issue?.message ?? "invalid"})`;
  }
  // A file written before `command` existed is a run's: say so, as later readers expect.
  return { command, ...(document as object) } as ShardFile;
}
