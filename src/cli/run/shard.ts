/**
 * `--shard i/n`: which replications one shard of a run simulates. Replication r belongs to shard
 * (r mod n) + 1, round-robin: who owns r depends only on r and n, and the shards' sizes differ by
 * at most one. Each replication keeps its true index, so it is the same wherever it runs.
 */
import { UsageError } from "../../errors.ts";

/** Shard `index` of `count` (1 ≤ index ≤ count). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

const SHARD_PATTERN = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** `--shard` as given (`2/3`), or a UsageError saying what is wrong with it. */
export function parseShard(text: string): ShardSpec {
  const match = SHARD_PATTERN.exec(text);
  if (match === null) {
    throw new UsageError(`--shard ${text}: expected i/n, shard i of n (e.g. --shard 2/3)`);
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new UsageError(`--shard ${text}: the shard count n must be a whole number ≥ 1`);
  }
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new UsageError(
      `--shard ${text}: i must be from 1 to ${count} (shards are numbered from 1)`,
    );
  }
  return { index, count };
}

/**
 * The replications of `shard` among `replications`, ascending. A UsageError when there are
 * more shards than replications: some shards would have nothing to simulate.
 */
export function replicationsOfShard(shard: ShardSpec, replications: number): number[] {
  if (shard.count > replications) {
    throw new UsageError(
      `--shard ${shard.index}/${shard.count}: ${shard.count} shards for ${replications} replication(s) would leave shards with nothing to simulate; use at most ${replications} shards or more --replications`,
    );
  }
  const owned: number[] = [];
  for (let replication = shard.index - 1; replication < replications; replication += shard.count) {
    owned.push(replication);
  }
  return owned;
}

/**
 * `--shard` of compare and sweep: parsed, or undefined without it; refused beside --png (a shard
 * draws no charts; merge does). Their replications are dealt as run's are.
 */
export function studyShardOf(given: string | undefined, png: boolean): ShardSpec | undefined {
  if (given === undefined) return undefined;
  const shard = parseShard(given);
  if (png) {
    throw new UsageError(
      "--png cannot go with --shard: a shard writes no charts; give --png to `ccsim merge`",
    );
  }
  return shard;
}
