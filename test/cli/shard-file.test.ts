import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkShards } from "../../src/cli/merge/check-shards.ts";
import { readShards, type ShardInFolder } from "../../src/cli/merge/read-shards.ts";
import { parseShard, replicationsOfShard } from "../../src/cli/run/shard.ts";
import {
  decodeExactJson,
  encodeExactJson,
  parseShardFile,
  type RunShardFile,
  renderShardFile,
  type ShardFile,
} from "../../src/cli/run/shard-file.ts";
import { UsageError } from "../../src/errors.ts";
import type { ReplicationMetrics } from "../../src/metrics/types.ts";
import type { Scenario } from "../../src/scenario/index.ts";

describe("parseShard", () => {
  it("reads i/n, spaces allowed", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ["2of3", /expected i\/n/],
    ["2/", /expected i\/n/],
    ["-1/3", /expected i\/n/],
    ["1.5/3", /expected i\/n/],
    ["0/3", /i must be from 1 to 3/],
    ["4/3", /i must be from 1 to 3/],
    ["1/0", /n must be a whole number ≥ 1/],
  ])("refuses %s", (text, message) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(message);
  });
});

describe("replicationsOfShard", () => {
  it("deals replications round-robin: every one exactly once, sizes within one", () => {
    const dealt = [1, 2, 3].map((index) => replicationsOfShard({ index, count: 3 }, 10));
    expect(dealt).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(
      dealt
        .flat()
        .sort((a, b) => a - b)
        .join(),
    ).toBe(Array.from({ length: 10 }, (_, r) => r).join());
  });

  it("refuses more shards than replications", () => {
    expect(() => replicationsOfShard({ index: 1, count: 4 }, 3)).toThrow(/4 shards for 3/);
  });
});

describe("exact JSON numbers", () => {
  it("round-trips NaN, ±Infinity and -0, which plain JSON loses", () => {
    const value = {
      a: Number.NaN,
      b: [1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      c: -0,
      d: 0.1,
    };
    expect(JSON.parse(JSON.stringify(value)).a).toBeNull();
    const back = decodeExactJson(encodeExactJson(value)) as typeof value;
    expect(back.a).toBeNaN();
    expect(back.b).toEqual([1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(Object.is(back.c, -0)).toBe(true);
    expect(Object.is(back.d, 0.1)).toBe(true);
  });

  it("leaves a string that looks like a marker alone", () => {
    const value = { id: "NaN", marker: { $number: "12" }, two: { $number: "NaN", other: 1 } };
    expect(decodeExactJson(encodeExactJson(value))).toEqual(value);
  });
});

const metrics = (waitMean: number): ReplicationMetrics =>
  ({
    overall: { arrived: 10, waitMean },
    queues: { sales: { arrived: 10, waitMean } },
    arrivals: {},
    intervals: [{ intervalStartSeconds: 0, queueId: "sales", serviceLevel: Number.NaN } as never],
    workers: [],
    waitGridSeconds: [0, 20],
    waitCurves: [{ scope: "overall", answeredWithin: [0, Number.NaN], abandonedWithin: [0, 0] }],
  }) as unknown as ReplicationMetrics;

const scenario = {
  name: "tiny",
  seed: 5,
  replications: 3,
  horizonSeconds: 3600,
} as unknown as Scenario;
const provenance = {
  ccsimVersion: "9.9.9",
  scenarioFile: "tiny.yaml",
  scenarioSha256: "ab",
  traceFiles: [],
};

function shardOf(index: number, count: number, replications: readonly number[]): RunShardFile {
  const text = renderShardFile(
    { index, count },
    scenario,
    provenance,
    replications.map((replication) => ({ replication, metrics: metrics(replication) })),
  );
  const parsed = parseShardFile(text);
  if (typeof parsed === "string") throw new Error(parsed);
  if (parsed.command !== "run") throw new Error(`a run's shard read as ${parsed.command}'s`);
  return parsed;
}

describe("the shard file", () => {
  it("keeps every metric, NaN included, through writing and reading", () => {
    const file = shardOf(1, 2, [0, 2]);
    expect(file.results.map((result) => result.replication)).toEqual([0, 2]);
    const first = file.results[0]?.metrics as ReplicationMetrics;
    expect(first.intervals[0]?.serviceLevel).toBeNaN();
    expect(first.waitCurves[0]?.answeredWithin[1]).toBeNaN();
    expect(file.scenarioDefinition).toEqual(scenario);
    expect(file.provenance).toEqual(provenance);
  });

  it("reads a file written before the command field as a run's", () => {
    const text = renderShardFile({ index: 1, count: 1 }, scenario, provenance, [
      { replication: 0, metrics: metrics(0) },
    ]);
    expect(text).toContain('"command":"run",');
    const parsed = parseShardFile(text.replace('"command":"run",', ""));
    expect(typeof parsed === "string" ? parsed : parsed.command).toBe("run");
  });

  it("refuses a shard of a command merge does not know", () => {
    const text = renderShardFile({ index: 1, count: 1 }, scenario, provenance, [
      { replication: 0, metrics: metrics(0) },
    ]).replace('"command":"run"', '"command":"erlang"');
    expect(parseShardFile(text)).toMatch(/a shard of "erlang"/);
  });

  it("says what is wrong with a file that is not a shard", () => {
    expect(parseShardFile("{")).toMatch(/not JSON/);
    expect(parseShardFile('{"scenario": "x"}')).toMatch(/not a ccsim shard file/);
    expect(parseShardFile('{"format": "ccsim-shard", "formatVersion": 1}')).toMatch(
      /version 1; this ccsim reads version 2: written by an older ccsim, run the shards again/,
    );
    expect(parseShardFile('{"format": "ccsim-shard", "formatVersion": 3}')).toMatch(
      /version 3; this ccsim reads version 2: merge with the ccsim that ran the shards/,
    );
    const text = renderShardFile({ index: 1, count: 1 }, scenario, provenance, [
      { replication: 0, metrics: metrics(0) },
    ]).replace('"waitGridSeconds":[0,20]', '"waitGridSeconds":"none"');
    expect(parseShardFile(text)).toMatch(/results\.0\.metrics\.waitGridSeconds/);
  });
});

describe("checkShards", () => {
  const inFolder = (folder: string, file: ShardFile): ShardInFolder => ({ folder, file });

  it("orders the replications of shards given in any order", () => {
    const checked = checkShards(
      [inFolder("b", shardOf(2, 2, [1])), inFolder("a", shardOf(1, 2, [0, 2]))],
      "9.9.9",
    );
    expect(checked.ok && checked.results.map((result) => result.replication)).toEqual([0, 1, 2]);
  });

  it("refuses a shard holding other replications than its own", () => {
    const checked = checkShards(
      [inFolder("a", shardOf(1, 2, [0, 1])), inFolder("b", shardOf(2, 2, [1]))],
      "9.9.9",
    );
    expect(checked.ok ? [] : checked.problems).toEqual([
      "a: shard 1/2 should hold replications 0, 2 but holds 0, 1",
    ]);
  });

  it("refuses shards of another ccsim version", () => {
    const checked = checkShards([inFolder("a", shardOf(1, 1, [0, 1, 2]))], "1.0.0");
    expect(checked.ok ? [] : checked.problems).toEqual([
      "the shards were written by ccsim 9.9.9; this is ccsim 1.0.0: merge them with the version that ran them",
    ]);
  });
});

describe("readShards", () => {
  it("reads every folder and says, one line each, what is wrong with those that hold no shard", () => {
    const root = mkdtempSync(join(tmpdir(), "ccsim-read-shards-"));
    try {
      const good = join(root, "good");
      const damaged = join(root, "damaged");
      const empty = join(root, "empty");
      for (const folder of [good, damaged, empty]) mkdirSync(folder);
      const text = renderShardFile({ index: 1, count: 1 }, scenario, provenance, [
        { replication: 0, metrics: metrics(0) },
      ]);
      writeFileSync(join(good, "shard.json"), text);
      writeFileSync(join(damaged, "shard.json"), text.slice(0, 100));
      writeFileSync(join(root, "file"), "");
      const read = readShards([good, damaged, empty, join(root, "file"), join(root, "absent")]);
      expect(read.shards.map((shard) => shard.folder)).toEqual([good]);
      expect(read.problems).toEqual([
        `${join(damaged, "shard.json")}: not JSON (damaged or cut short?)`,
        `${empty}: no shard.json there (not the --out folder of a \`ccsim run|compare|sweep|staff --shard\`, or the shard has not finished)`,
        `${join(root, "file")}: not a folder (give the --out folders of the shards)`,
        `${join(root, "absent")}: no such folder`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
