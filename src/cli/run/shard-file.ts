/**
 * The partial result of one shard (`shard.json`) of a run, a compare or a sweep (`command`):
 * what study it belongs to (scenario, its file's and trace files' SHA-256, seed, replication
 * count, ccsim version), which shard it is, what the final files need, and its replications'
 * metrics (per variant or point for compare and sweep), each with its true index. JSON has no
 * NaN, ±Infinity or -0, so those numbers are written as `{"$number": "NaN"}` etc.
 */
import { z } from "zod";
import type { ComparedMetricName } from "../../comparison/index.ts";
import type { ReplicationMetrics } from "../../metrics/types.ts";
import type { Provenance, RunDescription } from "../../report/index.ts";
import type { SweepFieldDescription } from "../../report/sweep/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { ShardSpec } from "./shard.ts";

/** The `format` field of a shard file. */
export const SHARD_FILE_FORMAT = "ccsim-shard";

/** The version of the layout below; a reader refuses another. */
export const SHARD_FILE_VERSION = 1;

/** One replication's metrics, with its index in the whole run. */
export interface ShardReplication {
  readonly replication: number;
  readonly metrics: ReplicationMetrics;
}

/** The commands that write shards; a file without `command` (written before it) is a run's. */
export type ShardCommand = "run" | "compare" | "sweep";

/** What every shard file holds, whichever command wrote it: the study's identity. */
export interface ShardHeader {
  readonly format: typeof SHARD_FILE_FORMAT;
  readonly formatVersion: typeof SHARD_FILE_VERSION;
  readonly command: ShardCommand;
  readonly scenario: string;
  readonly seed: number;
  /** Replications of the whole run, all shards together. */
  readonly replications: number;
  readonly shard: ShardSpec;
  readonly provenance: Provenance;
}

/** A shard of `ccsim run`. */
export interface RunShardFile extends ShardHeader {
  readonly command: "run";
  /** The scenario as simulated (seed and replications applied). */
  readonly scenarioDefinition: Scenario;
  /** This shard's replications, ascending. */
  readonly results: readonly ShardReplication[];
}

/** One variant of a compare, or one point of a sweep, and this shard's replications of it. */
export interface ShardSeries {
  readonly name: string;
  /** compare: the variant's description. */
  readonly description?: string;
  /** sweep: the index of the point's value in each swept field. */
  readonly indices?: readonly number[];
  /** This shard's replications, ascending. */
  readonly results: readonly ShardReplication[];
}

/** The options that shape compare's files. */
export interface CompareShardOptions {
  readonly baseline: number;
  readonly confidence: number;
  readonly metrics: readonly ComparedMetricName[];
  readonly scopes: "overall" | "all";
}

/** A shard of `ccsim compare`: every variant, on this shard's replications. */
export interface CompareShardFile extends ShardHeader {
  readonly command: "compare";
  /** The run description compare's files carry (comparison.json, the chart's title). */
  readonly run: RunDescription;
  readonly options: CompareShardOptions;
  readonly variants: readonly (ShardSeries & { readonly description: string })[];
}

/** What shapes sweep's files besides the points. */
export interface SweepShardDescription {
  readonly fields: readonly SweepFieldDescription[];
  readonly fixed: readonly string[];
  readonly metrics: readonly ComparedMetricName[];
}

/** A shard of `ccsim sweep`: every grid point, on this shard's replications. */
export interface SweepShardFile extends ShardHeader {
  readonly command: "sweep";
  readonly run: RunDescription;
  readonly sweep: SweepShardDescription;
  readonly points: readonly (ShardSeries & { readonly indices: readonly number[] })[];
}

/** A shard's partial result, as written and read. */
export type ShardFile = RunShardFile | CompareShardFile | SweepShardFile;

/** The replication lists of a shard: one for a run, one per variant or point otherwise. */
export function seriesOf(file: ShardFile): readonly (readonly ShardReplication[])[] {
  if (file.command === "compare") return file.variants.map((variant) => variant.results);
  if (file.command === "sweep") return file.points.map((point) => point.results);
  return [file.results];
}

/** What, besides the header, must be the same in every shard of one study (as JSON text). */
export function definitionOf(file: ShardFile): string {
  if (file.command === "compare") {
    return encodeExactJson({
      run: file.run,
      options: file.options,
      variants: file.variants.map(({ name, description }) => ({ name, description })),
    });
  }
  if (file.command === "sweep") {
    return encodeExactJson({
      run: file.run,
      sweep: file.sweep,
      points: file.points.map(({ name, indices }) => ({ name, indices })),
    });
  }
  return encodeExactJson(file.scenarioDefinition);
}

/** The marker key of a number JSON cannot hold. */
const NUMBER_KEY = "$number";

const SPECIAL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["-0", -0],
]);

/** `{"$number": "NaN"}` for a number JSON cannot hold (or would turn -0 into 0), else as is. */
function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (Number.isNaN(value)) return { [NUMBER_KEY]: "NaN" };
  if (Object.is(value, -0)) return { [NUMBER_KEY]: "-0" };
  if (!Number.isFinite(value)) return { [NUMBER_KEY]: value > 0 ? "Infinity" : "-Infinity" };
  return value;
}

function decodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== NUMBER_KEY) return value;
  const text = (value as Record<string, unknown>)[NUMBER_KEY];
  return typeof text === "string" && SPECIAL_NUMBERS.has(text) ? SPECIAL_NUMBERS.get(text) : value;
}

/** `value` as JSON text in which every number survives (NaN, ±Infinity and -0 included). */
export function encodeExactJson(value: unknown): string {
  return JSON.stringify(value, encodeNumber);
}

/** The inverse of {@link encodeExactJson}; throws SyntaxError on text that is not JSON. */
export function decodeExactJson(text: string): unknown {
  return JSON.parse(text, decodeNumber);
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

/** The header of a compare's or sweep's shard: the run description's scenario, seed, provenance. */
function studyHeaderOf(
  command: "compare" | "sweep",
  shard: ShardSpec,
  run: RunDescription,
  replications: number,
): ShardHeader {
  if (run.provenance === undefined) throw new RangeError("a shard needs the run's provenance");
  return {
    format: SHARD_FILE_FORMAT,
    formatVersion: SHARD_FILE_VERSION,
    command,
    scenario: run.scenario,
    seed: run.seed,
    replications,
    shard,
    provenance: run.provenance,
  };
}

/** The text of a compare's shard file; `replications` counts all shards' together. */
export function renderCompareShardFile(
  shard: ShardSpec,
  replications: number,
  content: Pick<CompareShardFile, "run" | "options" | "variants">,
): string {
  const file: CompareShardFile = {
    ...studyHeaderOf("compare", shard, content.run, replications),
    command: "compare",
    run: content.run,
    options: content.options,
    variants: content.variants,
  };
  return `${encodeExactJson(file)}\n`;
}

/** The text of a sweep's shard file; `replications` counts all shards' together. */
export function renderSweepShardFile(
  shard: ShardSpec,
  replications: number,
  content: Pick<SweepShardFile, "run" | "sweep" | "points">,
): string {
  const file: SweepShardFile = {
    ...studyHeaderOf("sweep", shard, content.run, replications),
    command: "sweep",
    run: content.run,
    sweep: content.sweep,
    points: content.points,
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
    z.object({ name: z.string(), description: z.string(), results: replicationsShape }),
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
    z.object({ name: z.string(), indices: z.array(wholeNumber), results: replicationsShape }),
  ),
});

const SHAPES = { run: runShardShape, compare: compareShardShape, sweep: sweepShardShape } as const;

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
  if (header.data.formatVersion !== SHARD_FILE_VERSION) {
    return `shard file format version ${String(header.data.formatVersion)}; this ccsim reads version ${SHARD_FILE_VERSION}`;
  }
  const command = header.data.command ?? "run";
  if (command !== "run" && command !== "compare" && command !== "sweep") {
    return `a shard of "${String(command)}"; this ccsim merges shards of run, compare and sweep`;
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
