/**
 * The partial result of one shard (`shard.json`): what run it belongs to (scenario, its file's
 * and trace files' SHA-256, seed, replication count, ccsim version), which shard it is, the
 * resolved scenario (charts need it) and its replications' metrics, each with its true index.
 * JSON has no NaN, ±Infinity or -0, so those numbers are written as `{"$number": "NaN"}` etc.
 */
import { z } from "zod";
import type { ReplicationMetrics } from "../../metrics/types.ts";
import type { Provenance } from "../../report/index.ts";
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

/** A shard's partial result, as written and read. */
export interface ShardFile {
  readonly format: typeof SHARD_FILE_FORMAT;
  readonly formatVersion: typeof SHARD_FILE_VERSION;
  readonly scenario: string;
  readonly seed: number;
  /** Replications of the whole run, all shards together. */
  readonly replications: number;
  readonly shard: ShardSpec;
  readonly provenance: Provenance;
  /** The scenario as simulated (seed and replications applied). */
  readonly scenarioDefinition: Scenario;
  /** This shard's replications, ascending. */
  readonly results: readonly ShardReplication[];
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
  const file: ShardFile = {
    format: SHARD_FILE_FORMAT,
    formatVersion: SHARD_FILE_VERSION,
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

const shardFileShape = z.object({
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
  scenarioDefinition: z.looseObject({ name: z.string() }),
  results: z.array(z.object({ replication: wholeNumber, metrics: metricsShape })),
});

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
    .looseObject({ format: z.unknown(), formatVersion: z.unknown() })
    .safeParse(document);
  if (!header.success || header.data.format !== SHARD_FILE_FORMAT) {
    return `not a ccsim shard file (no "format": "${SHARD_FILE_FORMAT}")`;
  }
  if (header.data.formatVersion !== SHARD_FILE_VERSION) {
    return `shard file format version ${String(header.data.formatVersion)}; this ccsim reads version ${SHARD_FILE_VERSION}`;
  }
  const checked = shardFileShape.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue === undefined ? "" : issue.path.join(".");
    return `not a valid shard file (${path === "" ? "" : `${path}: `}${issue?.message ?? "invalid"})`;
  }
  return document as ShardFile;
}
