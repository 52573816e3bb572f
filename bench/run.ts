/**
 * `npm run bench [-- --update] [-- name…]`: runs each benchmark in its own Node process (so the
 * peak memory it reports is that benchmark's own), prints rate and peak RSS against the recorded
 * baseline in bench/baseline.json, and with --update records the new figures as the baseline.
 * Timing lives here, never in the test suite.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchCases } from "./cases/index.ts";
import type { BenchResult } from "./types.ts";

const baselinePath = fileURLToPath(new URL("./baseline.json", import.meta.url));

function runOne(name: string): void {
  const benchCase = benchCases.find((candidate) => candidate.name === name);
  if (!benchCase) throw new Error(`unknown benchmark ${name}`);
  const { operations, seconds } = benchCase.run();
  const result: BenchResult = {
    name,
    unit: benchCase.unit,
    ratePerSecond: Math.round(operations / seconds),
    peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function readBaseline(): Record<string, BenchResult> {
  try {
    return JSON.parse(readFileSync(baselinePath, "utf8")) as Record<string, BenchResult>;
  } catch {
    return {};
  }
}

function format(rate: number): string {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M` : `${(rate / 1e3).toFixed(1)} k`;
}

function runAll(selected: string[], update: boolean): void {
  const baseline = readBaseline();
  const results: Record<string, BenchResult> = { ...baseline };
  // Opt-in cases (minutes long) run only when named.
  const cases =
    selected.length > 0
      ? benchCases.filter((c) => selected.includes(c.name))
      : benchCases.filter((c) => c.optIn !== true);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  for (const benchCase of cases) {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--child", benchCase.name],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const result = JSON.parse(output.trim()) as BenchResult;
    results[benchCase.name] = result;
    const before = baseline[benchCase.name];
    const versus = before
      ? ` (baseline ${format(before.ratePerSecond)}, ${((result.ratePerSecond / before.ratePerSecond - 1) * 100).toFixed(1)}%)`
      : " (no baseline)";
    console.log(
      `${benchCase.name.padEnd(28)} ${format(result.ratePerSecond).padStart(9)} ${result.unit}${versus}; peak RSS ${result.peakRssMiB} MiB — ${benchCase.description}`,
    );
  }
  if (update) {
    writeFileSync(`${baselinePath}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(`${baselinePath}.tmp`, baselinePath);
    console.log(`baseline written to ${baselinePath}`);
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") runOne(args[1] ?? "");
else
  runAll(
    args.filter((arg) => !arg.startsWith("--")),
    args.includes("--update"),
  );
