/**
 * Start-up: `ccsim run scenarios/quickstart.yaml` as a whole process through bin/ccsim.js (the
 * command a user types, without npx), its CPU time user + system counted by bash. The target
 * case skips the charts (--no-charts: the start-up figures are of the run without them);
 * the info case draws them as the plain command does. Output goes to a temporary folder. One
 * untimed run first, so the files it reads are in the disk cache.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commandCpu } from "../measure.ts";
import type { BenchCase } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

function measureQuickstart(extraArguments: readonly string[]) {
  const folder = mkdtempSync(join(tmpdir(), "ccsim-bench-quickstart-"));
  try {
    const args = [
      "bin/ccsim.js",
      "run",
      "scenarios/quickstart.yaml",
      "--out",
      join(folder, "out"),
      "--no-progress",
      ...extraArguments,
    ];
    const loopJobsPerCpuSecond = timeYardstick();
    commandCpu(process.execPath, args, repositoryRoot); // fill the disk cache
    const { cpuSeconds, wallSeconds } = commandCpu(process.execPath, args, repositoryRoot);
    return { cpuSeconds, wallSeconds, loopJobsPerCpuSecond };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export const quickstartCase: BenchCase = {
  name: "quickstart",
  description: "`ccsim run scenarios/quickstart.yaml --no-charts`, whole process via bin/ccsim.js",
  run: () => measureQuickstart(["--no-charts"]),
};

export const quickstartChartsCase: BenchCase = {
  name: "quickstart-charts",
  description: "`ccsim run scenarios/quickstart.yaml` with its charts, whole process",
  run: () => measureQuickstart([]),
};
