/**
 * What every shard file starts with, whichever command wrote it: the
 * format and its version, the command (run, compare, sweep, staff), and the study's identity (scenario, seed, replications,
 * shard, provenance); and a replication's record, the unit all three deal out.
 */
import type { ReplicationMetrics } from "../../metrics/types.ts";
import type { Provenance } from "../../report/index.ts";
import type { ShardSpec } from "./shard.ts";

/** The `format` field of a shard file. */
export const SHARD_FILE_FORMAT = "ccsim-shard";

/**
 * The version of the format; a reader refuses another. 2: a staff shard no longer carries
 * `layout` (derived from its scenario); version 1's files are refused, their shards run again.
 */
export const SHARD_FILE_VERSION = 2;

/** One replication's metrics, with its index in the whole run. */
export interface ShardReplication {
  readonly replication: number;
  readonly metrics: ReplicationMetrics;
}

/** The commands that write shards; a file without `command` (written before it) is a run's. */
export type ShardCommand = "run" | "compare" | "sweep" | "staff";

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
