/**
 * Whether shards belong together: one study's (same command, scenario and its file's and trace
 * files' hashes, seed, replication count, shard count, ccsim version, and what shapes the files:
 * the scenario as simulated, or compare's variants and options, or sweep's grid, or a staff
 * day's scenario hash, options and days), every shard 1..n exactly once, each holding just its
 * replications (of every variant or point), a staff shard's scenario the one its hash names.
 * Every disagreement is one line naming the folders on each side; replications come back in order.
 */
import { replicationsOfShard } from "../run/shard.ts";
import {
  definitionOf,
  type ShardFile,
  type ShardReplication,
  scenarioSha256Of,
  seriesOf,
} from "../run/shard-file.ts";
import type { ShardInFolder } from "./read-shards.ts";

/** The study the shards make up, or what is wrong with them. */
export type CheckedShards =
  | {
      readonly ok: true;
      /** The first shard: the study's header and definition. */
      readonly run: ShardFile;
      /** A run's replications, in replication order (the first series). */
      readonly results: ShardReplication[];
      /** Per variant or point (one for a run), its replications in replication order. */
      readonly series: ShardReplication[][];
    }
  | { readonly ok: false; readonly problems: string[] };

/** What shards must agree on, with how each is shown in a message. */
const IDENTITY: readonly { readonly what: string; readonly of: (file: ShardFile) => string }[] = [
  { what: "the command", of: (file) => file.command },
  { what: "the scenario", of: (file) => JSON.stringify(file.scenario) },
  { what: "the scenario file", of: (file) => file.provenance.scenarioFile },
  { what: "the scenario file's SHA-256", of: (file) => file.provenance.scenarioSha256 ?? "none" },
  {
    what: "the trace files",
    of: (file) =>
      file.provenance.traceFiles.length === 0
        ? "none"
        : file.provenance.traceFiles.map((trace) => `${trace.file} ${trace.sha256}`).join(", "),
  },
  { what: "the seed", of: (file) => String(file.seed) },
  { what: "the replication count", of: (file) => String(file.replications) },
  { what: "the shard count", of: (file) => String(file.shard.count) },
  { what: "the ccsim version", of: (file) => file.provenance.ccsimVersion },
];

/** Checks `shards` (at least one) against each other and against `ccsimVersion`, this ccsim's. */
export function checkShards(shards: readonly ShardInFolder[], ccsimVersion: string): CheckedShards {
  const problems: string[] = [];
  for (const { what, of } of IDENTITY) {
    const disagreement = describeDisagreement(shards, of);
    if (disagreement !== undefined)
      problems.push(`the shards disagree on ${what}: ${disagreement}`);
  }
  if (problems.length === 0) {
    const sides = groupFolders(shards, definitionOf);
    if (sides.size > 1) {
      const folders = [...sides.values()].map((side) => side.join(", "));
      const command = (shards[0] as ShardInFolder).file.command;
      const what =
        command === "run"
          ? "simulated different scenarios"
          : command === "staff"
            ? "simulated different days or searches (every shard of a round takes the same options and --resume)"
            : "ran different variants, points or options";
      problems.push(
        `the shards ${what} under the same file and seed: ${folders.join(" against ")}`,
      );
    }
  }
  const first = shards[0] as ShardInFolder;
  if (problems.length === 0 && first.file.provenance.ccsimVersion !== ccsimVersion) {
    problems.push(
      `the shards were written by ccsim ${first.file.provenance.ccsimVersion}; this is ccsim ${ccsimVersion}: merge them with the version that ran them`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  problems.push(...coverageProblems(shards), ...contentProblems(shards));
  if (problems.length > 0) return { ok: false, problems };
  const series = seriesOf(first.file).map((_, index) =>
    shards
      .flatMap((shard) => seriesOf(shard.file)[index] ?? [])
      .sort((one, other) => one.replication - other.replication),
  );
  return { ok: true, run: first.file, results: series[0] ?? [], series };
}

/** `1 in a, b; 7 in c`, or undefined when every shard gives the same value. */
function describeDisagreement(
  shards: readonly ShardInFolder[],
  of: (file: ShardFile) => string,
): string | undefined {
  const groups = groupFolders(shards, of);
  if (groups.size <= 1) return undefined;
  return [...groups].map(([value, folders]) => `${value} in ${folders.join(", ")}`).join("; ");
}

function groupFolders(
  shards: readonly ShardInFolder[],
  of: (file: ShardFile) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const shard of shards) {
    const value = of(shard.file);
    groups.set(value, [...(groups.get(value) ?? []), shard.folder]);
  }
  return groups;
}

/** Every shard 1..n exactly once (the shards agree on n by now). */
function coverageProblems(shards: readonly ShardInFolder[]): string[] {
  const count = (shards[0] as ShardInFolder).file.shard.count;
  const byIndex = groupFolders(shards, (file) => String(file.shard.index));
  const problems: string[] = [];
  for (const [index, folders] of byIndex) {
    if (folders.length > 1) {
      problems.push(
        `shard ${index}/${count} is given ${folders.length} times: ${folders.join(", ")}`,
      );
    }
  }
  const missing: string[] = [];
  for (let index = 1; index <= count; index++) {
    if (!byIndex.has(String(index))) missing.push(`${index}/${count}`);
  }
  if (missing.length > 0) {
    const given = shards.map((shard) => `${shard.file.shard.index}/${count} in ${shard.folder}`);
    problems.push(`shard(s) ${missing.join(", ")} missing (given: ${given.join(", ")})`);
  }
  return problems;
}

/**
 * Each shard holds exactly the replications --shard deals it, ascending (in every series); a
 * staff shard's scenario is the one its `scenarioSha256` names (merge derives the search's start
 * and Erlang's curve from that scenario, while the shards are compared by the hash).
 */
function contentProblems(shards: readonly ShardInFolder[]): string[] {
  const problems: string[] = [];
  for (const { folder, file } of shards) {
    if (
      file.command === "staff" &&
      scenarioSha256Of(file.scenarioDefinition) !== file.scenarioSha256
    ) {
      problems.push(
        `${folder}: its scenarioDefinition is not the scenario its scenarioSha256 names (the file was edited?): run the shard again`,
      );
    }
    const expected = replicationsOfShardOrNone(file);
    for (const series of seriesOf(file)) {
      const held = series.map((result) => result.replication);
      if (expected === undefined || held.join(",") !== expected.join(",")) {
        problems.push(
          `${folder}: shard ${file.shard.index}/${file.shard.count} should hold replications ${expected?.join(", ") ?? "(none: more shards than replications)"} but holds ${held.join(", ") || "none"}`,
        );
        break;
      }
    }
  }
  return problems;
}

function replicationsOfShardOrNone(file: ShardFile): number[] | undefined {
  try {
    return replicationsOfShard(file.shard, file.replications);
  } catch {
    return undefined;
  }
}
