/**
 * `ccsim run` as users run it: `node bin/ccsim.js run …` in a child process (no shell). Output
 * files and their columns, events.jsonl, option overrides, serial = parallel byte for byte, bad
 * input (exit 2, no stack), and Ctrl-C (exit 130, nothing written, no temporary files left).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ccsim,
  ccsimAsync,
  ccsimInterrupted,
  type Outcome,
  STACK_LINE,
} from "../support/ccsim-process.ts";

const SMALL = "test/fixtures/world/small-random.yaml";
/**
 * Budget of a hook or test that runs ccsim processes: several node processes boot at once, and on
 * a loaded 2-core machine each boot alone can take seconds (vitest's default hook limit is 10 s).
 */
const RUN_TIMEOUT_MILLISECONDS = 180_000;
const TRACE = "test/fixtures/world/trace-run.yaml";
const scratch = mkdtempSync(join(tmpdir(), "ccsim-run-test-"));
let folders = 0;
/** A fresh output folder (not created: the command must create it). */
const outFolder = () => join(scratch, `out-${++folders}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (folder: string, name: string) => readFileSync(join(folder, name), "utf8");
/** Every file under `folder` (chart files included), relative, sorted. */
const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
/** The files of a run with --events and charts: at least these (plus charts/ when drawn). */
const WITH_EVENTS_AND_REPORT = [
  "events.jsonl",
  "intervals.csv",
  "report.html",
  "summary.csv",
  "summary.json",
  "waits.csv",
  "workers.csv",
];
const headerOf = (folder: string, name: string) => read(folder, name).split("\n")[0];

describe("ccsim run scenarios/quickstart.yaml", () => {
  const out = outFolder();
  let outcome: Outcome;
  beforeAll(async () => {
    // The data files alone; charts and report.html: test/cli/run-charts.test.ts.
    outcome = await ccsimAsync("run", "scenarios/quickstart.yaml", "--out", out, "--no-charts");
  }, RUN_TIMEOUT_MILLISECONDS);

  it("exits 0 with a short summary and writes the five data files, nothing else", () => {
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toMatch(/^quickstart: 1 replication/);
    expect(outcome.stdout).toMatch(/serviceLevel\s+1\s+1/);
    expect(readdirSync(out).sort()).toEqual([
      "intervals.csv",
      "summary.csv",
      "summary.json",
      "waits.csv",
      "workers.csv",
    ]);
  });

  it("writes summary.json with the contract's fields", () => {
    const summary = JSON.parse(read(out, "summary.json"));
    expect(summary).toMatchObject({
      scenario: "quickstart",
      seed: 1,
      replications: 1,
      horizonSeconds: 60,
      warmupSeconds: 0,
      serviceLevelThresholdSeconds: 20,
    });
    expect(summary.overall.arrived).toEqual({ mean: 1, halfWidth: null });
    expect(summary.overall.waitMean).toEqual({ mean: 2, halfWidth: null });
    expect(Object.keys(summary.queues)).toEqual(["queue-1"]);
    expect(Object.keys(summary.arrivals)).toEqual(["job"]);
  });

  it("writes the CSV files with the contract's columns", () => {
    expect(headerOf(out, "summary.csv")).toBe("scope,metric,mean,halfWidth");
    expect(read(out, "summary.csv")).toContain("\nqueue:queue-1,arrived,1,\n");
    expect(read(out, "summary.csv")).toContain("\narrival:job,handleTimeMean,120,\n");
    // The contract's columns first, unchanged; then the chart data (issue 9), the warm-up
    // marker and the half-widths.
    expect(headerOf(out, "intervals.csv")).toMatch(
      /^intervalStartSeconds,intervalEndSeconds,queue,arrivals,answered,abandoned,serviceLevel,waitMean,queueLengthMean,busyWorkers,answeredWithinThreshold,staffedWorkers,occupancy,offeredLoad,startsInWarmup,arrivalsHalfWidth,/,
    );
    expect(headerOf(out, "workers.csv")).toMatch(
      /^worker,offersReceived,offersAccepted,offersDeclined,offersExpired,offersRevoked,jobsHandled,busySeconds,utilization,offersReceivedHalfWidth,/,
    );
    // One replication: no half-widths.
    // The worker group `worker-1` has count 1, so its one worker keeps the group's id.
    expect(read(out, "workers.csv").split("\n")[1]).toBe(
      "worker-1,1,1,0,0,0,1,60,1,,,,,,,,,worker-1",
    );
    // One job at 0 s, offered 2 s, handled 120 s: answered within 20 s, one worker staffed and
    // busy all 60 s, offered load 1 job × 122 worker-seconds / 60 s.
    expect(read(out, "intervals.csv").split("\n")[1]).toBe(
      "0,60,queue-1,1,1,0,1,2,0.033333,1,1,1,1,2.033333,false,,,,,,,,,,,",
    );
  });
});

describe("--events, --seed, --replications, --workers", () => {
  const first = outFolder();
  const second = outFolder();
  const serial = outFolder();
  const parallel = outFolder();
  const overridden = outFolder();
  const traceSerial = outFolder();
  const traceParallel = outFolder();
  let statuses: (number | null)[] = [];
  beforeAll(async () => {
    const outcomes = await Promise.all([
      ccsimAsync("run", TRACE, "--out", traceSerial, "--events", "--workers", "1"),
      ccsimAsync("run", TRACE, "--out", traceParallel, "--events", "--workers", "2"),
      ccsimAsync("run", SMALL, "--out", first, "--events", "--workers", "1"),
      // With invariants checked after every event: same events, so the checks change nothing.
      ccsimAsync("run", SMALL, "--out", second, "--events", "--workers", "1", "--check-invariants"),
      ccsimAsync(
        "run",
        SMALL,
        "--out",
        serial,
        "--replications",
        "4",
        "--events",
        "--workers",
        "1",
      ),
      ccsimAsync(
        "run",
        SMALL,
        "--out",
        parallel,
        "--replications",
        "4",
        "--events",
        "--workers",
        "2",
      ),
      ccsimAsync(
        "run",
        SMALL,
        "--out",
        overridden,
        "--seed",
        "7",
        "--replications",
        "3",
        "--workers",
        "1",
        "--no-charts",
      ),
    ]);
    statuses = outcomes.map((outcome) => outcome.status);
  }, RUN_TIMEOUT_MILLISECONDS);

  it("exit 0", () => {
    expect(statuses).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("--events writes the first replication's events as Event Grid lines in order", () => {
    const lines = read(first, "events.jsonl").trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(50);
    const events = lines.map((line) => JSON.parse(line));
    for (const event of events) {
      expect(Object.keys(event)).toEqual([
        "id",
        "eventType",
        "subject",
        "eventTime",
        "data",
        "dataVersion",
        "metadataVersion",
      ]);
      expect(event.eventType).toMatch(/^Microsoft\.Communication\.Router[A-Za-z]+$/);
    }
    const times = events.map((event) => Date.parse(event.eventTime));
    expect(times.every((time, i) => i === 0 || time >= (times[i - 1] as number))).toBe(true);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("--events gives identical bytes when run twice", () => {
    expect(read(second, "events.jsonl")).toBe(read(first, "events.jsonl"));
  });

  it("--events holds replication 0 only: the same file whatever the replication count", () => {
    expect(read(serial, "events.jsonl")).toBe(read(first, "events.jsonl"));
  });

  it("--seed and --replications override the scenario's own values", () => {
    const before = JSON.parse(read(first, "summary.json"));
    const after = JSON.parse(read(overridden, "summary.json"));
    expect([before.seed, before.replications]).toEqual([3, 2]);
    expect([after.seed, after.replications]).toEqual([7, 3]);
    expect(after.overall.arrived.halfWidth).not.toBeNull();
    expect(after.overall.arrived.mean).not.toBe(before.overall.arrived.mean);
  });

  it("a trace scenario: serial and parallel agree, its labels reach events.jsonl", () => {
    const names = filesUnder(traceSerial);
    expect(names).toEqual(expect.arrayContaining(WITH_EVENTS_AND_REPORT));
    for (const name of names) expect(read(traceParallel, name)).toBe(read(traceSerial, name));
    const received = read(traceSerial, "events.jsonl")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line))
      .filter((event) => event.eventType.endsWith("RouterJobReceived"));
    expect(received.map((event) => [event.eventTime, event.data.labels.Tier])).toEqual([
      ["2026-03-01T08:00:05.000Z", "gold"],
      ["2026-03-01T08:00:30.000Z", "bronze"],
      ["2026-03-01T08:01:00.500Z", "silver"],
    ]);
  });

  it("serial (--workers 1) and parallel (--workers 2) write byte-identical files", () => {
    const names = filesUnder(serial);
    expect(names).toEqual(filesUnder(parallel));
    expect(names).toEqual(expect.arrayContaining(WITH_EVENTS_AND_REPORT));
    for (const name of names) expect(read(parallel, name)).toBe(read(serial, name));
  });
});

describe("bad input", () => {
  it.each([
    ["--replications", "0"],
    ["--seed", "-1"],
    ["--seed", "1e20"],
  ])("%s %s: exit 2 with a message and no stack, nothing written", (option, value) => {
    const out = outFolder();
    const outcome = ccsim("run", "scenarios/quickstart.yaml", "--out", out, option, value);
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toContain(option);
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(out, "summary.json"))).toBe(false);
  });

  it("a broken scenario: exit 2, its problems located, no stack", () => {
    const out = outFolder();
    const outcome = ccsim("run", "test/fixtures/broken/negative-rate.yaml", "--out", out);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^test\/fixtures\/broken\/negative-rate\.yaml:\d+:\d+ /);
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("an output folder that is a file: exit 2, no stack", () => {
    const file = join(scratch, "a-file.txt");
    writeFileSync(file, "not a folder\n");
    const outcome = ccsim("run", "scenarios/quickstart.yaml", "--out", file);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(`--out ${file}: cannot use it as the output folder`);
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
  });

  it("a missing scenario file: exit 2", () => {
    const outcome = ccsim("run", "no/such/scenario.yaml", "--out", outFolder());
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("no/such/scenario.yaml");
    expect(outcome.stderr).not.toMatch(STACK_LINE);
  });
});

describe("Ctrl-C", () => {
  it.each([
    ["serial", "1", "1", "test/fixtures/world/long-run.yaml"],
    ["parallel", "2", "4", "test/fixtures/world/long-run.yaml"],
    // A billion tiny replications: no task list built up front, and the stop request is seen
    // between replications that each end within their first chunk.
    ["serial, many short replications", "1", "1000000000", "scenarios/quickstart.yaml"],
    ["parallel, many short replications", "2", "1000000000", "scenarios/quickstart.yaml"],
  ])(
    "%s: exit 130, says so, writes nothing, leaves no temporary files",
    async (_, workers, replications, scenario) => {
      const out = outFolder();
      const outcome = await ccsimInterrupted(
        [
          "run",
          scenario,
          "--out",
          out,
          "--events",
          "--workers",
          workers,
          "--replications",
          replications,
        ],
        out,
        // Every run here lasts far longer than this (10,000 h simulated, or a billion
        // replications): the interrupt lands mid-run, whatever the machine's speed.
        { afterStartMilliseconds: 1000 },
      );
      expect(outcome.status).toBe(130);
      // stderr is not a terminal here: no progress bar, only the message.
      expect(outcome.stderr).toBe("interrupted: no output files were written\n");
      expect(outcome.stdout).toBe("");
      // Nothing written: the output folder the run made is taken away again.
      expect(existsSync(out)).toBe(false);
    },
    RUN_TIMEOUT_MILLISECONDS,
  );
});

const HAS_SCRIPT = spawnSync("script", ["--version"]).status === 0;

describe("on a terminal", () => {
  // `script` gives the run a pseudo-terminal; Ctrl-C is typed into it once the bar has moved.
  it.skipIf(!HAS_SCRIPT).each([
    ["one long replication", "test/fixtures/world/long-run.yaml", "1"],
    ["many short replications", SMALL, "1000000"],
  ])(
    "%s: a progress bar with an ETA; Ctrl-C stops it",
    async (_, scenario, replications) => {
      const out = outFolder();
      const command = `node bin/ccsim.js run ${scenario} --out ${out} --workers 1 --replications ${replications}`;
      const child = spawn("script", ["-qec", command, "/dev/null"], {
        env: { ...process.env, CCSIM_DEBUG: "" },
      });
      let screen = "";
      let typed = false;
      child.stdout.on("data", (chunk) => {
        screen += chunk;
        if (!typed && (screen.match(/% \| ETA /g) ?? []).length >= 5) {
          typed = true;
          child.stdin.write("\x03");
        }
      });
      const status = await new Promise((resolve) => child.on("close", resolve));
      expect(status).toBe(130);
      expect(screen).toMatch(/: \d+ replication\(s\) \[[█░]+\] \d+% \| ETA (\d+[hms])+/);
      // Every ETA shown is a time (cli-progress prints NULL or INF, cut short, when it has no rate).
      const etas = [...screen.matchAll(/% \| ETA ([0-9A-Za-z]*)/g)].map((match) => match[1]);
      expect(etas.length).toBeGreaterThanOrEqual(5);
      for (const eta of etas) expect(eta).toMatch(/^(\d+[hms])+$/);
      expect(screen).toContain("interrupted: no output files were written");
      // Nothing written: the output folder the run made is taken away again.
      expect(existsSync(out)).toBe(false);
    },
    RUN_TIMEOUT_MILLISECONDS,
  );
});
