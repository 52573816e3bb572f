/**
 * `npm run bench [-- options] [case…]`: runs each case in a child process of its own (so the
 * peak memory it reports is its own), `--runs` times in rounds, then prints every figure with
 * its ratio to the yardstick loop timed in the same processes, its target, pass or fail, the
 * recorded baseline (bench/baseline.json) and the change, flagging a slowdown over 20%. Exit 0
 * when it ran (targets are reported, not enforced) unless --strict; 2 for bad options; 1 when a
 * case failed. See docs/bench.md. Timing lives here, never in the test suite.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Baseline,
  type BaselineFigure,
  baselineFor,
  machineDifference,
  NO_BASELINE,
  readBaselineFile,
  withMachineRecord,
  writeBaselineFile,
} from "./baseline.ts";
import { benchCases } from "./cases/index.ts";
import { type CaseRuns, figureDefinitions } from "./figures.ts";
import { type BenchOptions, parseBenchOptions } from "./options.ts";
import { type CpuProfile, formatProfileSummary, summarizeProfiles } from "./profile.ts";
import {
  failsStrict,
  formatFigureLine,
  formatHeader,
  type JudgedFigure,
  judgeFigure,
} from "./report.ts";
import type { BenchSize, Measurement } from "./types.ts";

const baselinePath = fileURLToPath(new URL("./baseline.json", import.meta.url));
const thisFile = fileURLToPath(import.meta.url);

/** In the child: runs one case once and prints its measurement as one JSON line. */
async function runChild(name: string, size: BenchSize): Promise<void> {
  const benchCase = benchCases.find((candidate) => candidate.name === name);
  if (benchCase === undefined) throw new Error(`unknown benchmark case ${name}`);
  const measurement = await benchCase.run(size);
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

/**
 * Runs one case once in a child process (with this process's Node flags, e.g. tsx), writing
 * its CPU profile into `profileFolder` when given.
 */
function spawnCase(name: string, quick: boolean, profileFolder: string | null): Measurement {
  const profiling = profileFolder === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${profileFolder}`];
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, ...profiling, thisFile, "--child", name, ...(quick ? ["--quick"] : [])],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  const lines = output.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "") as Measurement;
}

interface Context {
  readonly node: string;
  readonly platform: string;
  readonly cpus: string;
  readonly runs: number;
  readonly size: BenchSize;
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd: number;
}

function describeMachine(): { platform: string; cpus: string } {
  const cores = cpus();
  return {
    platform: `${process.platform}/${process.arch}`,
    cpus: `${cores.length} × ${cores[0]?.model.trim() ?? "unknown"}`,
  };
}

/** Where each case's CPU profiles go with --profile: a folder per case. */
function profileFolderOf(root: string | null, caseName: string): string | null {
  return root === null ? null : join(root, caseName);
}

/** Runs the cases in rounds; returns each case's measurements and the cases that failed. */
function runRounds(
  options: BenchOptions,
  profileRoot: string | null,
): { runs: Map<string, Measurement[]>; failed: string[] } {
  const runs = new Map<string, Measurement[]>(options.cases.map((c) => [c.name, []]));
  const failed = new Set<string>();
  for (let round = 1; round <= options.runs; round++) {
    for (const benchCase of options.cases) {
      if (failed.has(benchCase.name)) continue;
      process.stderr.write(`run ${round}/${options.runs}: ${benchCase.name} … `);
      const started = process.hrtime.bigint();
      try {
        runs
          .get(benchCase.name)
          ?.push(
            spawnCase(benchCase.name, options.quick, profileFolderOf(profileRoot, benchCase.name)),
          );
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stderr.write(`${seconds.toFixed(1)} s\n`);
      } catch (error) {
        process.stderr.write(`FAILED: ${(error as Error).message.split("\n")[0]}\n`);
        failed.add(benchCase.name);
      }
    }
  }
  for (const name of failed) runs.delete(name);
  return { runs, failed: [...failed] };
}

function judgeAll(runs: Map<string, Measurement[]>, baseline: Baseline): JudgedFigure[] {
  const caseRuns: CaseRuns = {
    of: (name) => runs.get(name) ?? [],
    all: () => [...runs.values()].flat(),
  };
  if (caseRuns.all().length === 0) return [];
  return figureDefinitions
    .filter((definition) => definition.cases.every((name) => runs.has(name)))
    .map((definition) =>
      judgeFigure(definition, definition.derive(caseRuns), baseline.figures[definition.id]),
    );
}

function printTable(context: Context, figures: readonly JudgedFigure[], baseline: Baseline): void {
  const size =
    context.size === "quick" ? "QUICK size (not comparable with the baseline)" : "full size";
  console.log(
    `ccsim bench: ${size}, median of ${context.runs} run(s) per case; node ${context.node}, ${context.platform}, ${context.cpus}`,
  );
  const recorded =
    context.size === "quick" ? "not compared" : (baseline.context?.recordedAt ?? "none recorded");
  console.log(
    `load average ${context.loadAverageAtStart.toFixed(2)} at start, ${context.loadAverageAtEnd.toFixed(2)} at end; rates are per CPU second; baseline: ${recorded}`,
  );
  const cores = cpus().length;
  if (Math.max(context.loadAverageAtStart, context.loadAverageAtEnd) > cores) {
    console.log(
      `WARNING: the machine was busy (load average above its ${cores} cores): CPU times are inflated too; compare the "vs loop" columns, and record no baseline from this run`,
    );
  }
  const otherMachine =
    context.size === "quick" ? null : machineDifference(baseline.context, context);
  if (otherMachine !== null) {
    console.log(
      `NOTE: no baseline was recorded on this machine; compared with the latest from another (${otherMachine}): its changes and flags compare machines as much as code; record one here (--update, quiet, --runs 5; bench/baseline.json keeps one per machine) before judging a change`,
    );
  }
  console.log(formatHeader());
  for (const figure of figures) console.log(formatFigureLine(figure));
  console.log(
    "vs loop: the yardstick loop timed in the same process; change: against the baseline in loop terms (* on raw values); targets are reported, not enforced (--strict)",
  );
}

/**
 * Prints, per case, where its processes' time went (every run's profile summed), and where
 * the profiles are, to open in Chrome's DevTools. To stderr with --json, so stdout stays JSON.
 */
function printProfiles(root: string, options: BenchOptions, failed: readonly string[]): void {
  const print = options.json ? console.error : console.log;
  for (const benchCase of options.cases) {
    if (failed.includes(benchCase.name)) continue;
    const folder = join(root, benchCase.name);
    const files = existsSync(folder)
      ? readdirSync(folder).filter((f) => f.endsWith(".cpuprofile"))
      : [];
    if (files.length === 0) continue;
    const profiles = files.map(
      (file) => JSON.parse(readFileSync(join(folder, file), "utf8")) as CpuProfile,
    );
    print("");
    for (const line of formatProfileSummary(benchCase.name, summarizeProfiles(profiles)))
      print(line);
  }
  print(`\nCPU profiles (open in Chrome DevTools, Performance tab): ${root}`);
}

/**
 * This machine's record after this run: its figures recorded over the machine's earlier ones
 * (the figures of cases not run are kept), never over another machine's.
 */
function updatedBaseline(
  ownBaseline: Baseline,
  figures: readonly JudgedFigure[],
  context: Context,
): Baseline {
  const recorded: Record<string, BaselineFigure> = { ...ownBaseline.figures };
  for (const figure of figures) {
    recorded[figure.id] = { value: figure.value, unit: figure.unit, normalized: figure.normalized };
  }
  return {
    context: {
      recordedAt: new Date().toISOString(),
      node: context.node,
      platform: context.platform,
      cpus: context.cpus,
      runs: context.runs,
      loadAverageAtStart: context.loadAverageAtStart,
      loadAverageAtEnd: context.loadAverageAtEnd,
    },
    figures: recorded,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "--child") {
    await runChild(argv[1] ?? "", argv.includes("--quick") ? "quick" : "full");
    return 0;
  }
  const options = parseBenchOptions(argv, benchCases);
  if ("problems" in options) {
    for (const problem of options.problems) console.error(`bench: ${problem}`);
    return 2;
  }
  if (options.list) {
    for (const c of benchCases) {
      console.log(`${c.name.padEnd(24)} ${c.optIn === true ? "(opt-in) " : ""}${c.description}`);
    }
    return 0;
  }
  // The threads and quickstart cases measure the compiled code users run: build it if stale.
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url)), "--if-stale"],
    {
      stdio: "inherit",
    },
  );
  const baselineFile = readBaselineFile(baselinePath);
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const profileRoot = options.profile ? mkdtempSync(join(tmpdir(), "ccsim-bench-profile-")) : null;
  const { runs, failed } = runRounds(options, profileRoot);
  const context: Context = {
    node: process.version,
    ...describeMachine(),
    runs: options.runs,
    size: options.quick ? "quick" : "full",
    loadAverageAtStart,
    loadAverageAtEnd: loadavg()[0] ?? 0,
  };
  const baseline = baselineFor(baselineFile, context);
  const ownBaseline =
    machineDifference(baseline.context, context) === null ? baseline : NO_BASELINE;
  // Quick figures are not comparable with a full-size baseline: judged against none.
  const figures = judgeAll(runs, options.quick ? NO_BASELINE : baseline);
  if (options.json) {
    console.log(
      JSON.stringify(
        { context, failedCases: failed, figures, measurements: Object.fromEntries(runs) },
        null,
        2,
      ),
    );
  } else {
    printTable(context, figures, baseline);
    if (failed.length > 0) console.log(`failed cases (no figures): ${failed.join(", ")}`);
  }
  if (profileRoot !== null) printProfiles(profileRoot, options, failed);
  if (options.update && failed.length === 0) {
    const record = updatedBaseline(ownBaseline, figures, context);
    writeBaselineFile(baselinePath, withMachineRecord(baselineFile, record));
    console.error(`baseline written to ${baselinePath}`);
  } else if (options.update) {
    console.error("baseline not written: a case failed");
  }
  if (failed.length > 0) return 1;
  return options.strict && failsStrict(figures) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
