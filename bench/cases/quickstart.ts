/**
 * Start-up: `ccsim run scenarios/quickstart.yaml` as a whole process through bin/ccsim.js (the
 * command a user types, without npx), its CPU time user + system counted by bash. The target
 * case is the command as typed, which draws the nine charts and report.html (the default run);
 * a second case adds --no-charts, to show what the drawing costs. Output goes to a temporary
 * folder. One untimed run first, so the files it reads are in the disk cache.
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

/** The target: the command as a user types it, charts and report.html included (the default). */
export const quickstartCase: BenchCase = {
  name: "quickstart",
  description:
    "`ccsim run scenarios/quickstart.yaml` (charts drawn), whole process via bin/ccsim.js",
  run: () => measureQuickstart([]),
};

/** The same without drawing: what start-up and the simulation cost on their own. */
export const quickstartNoChartsCase: BenchCase = {
  name: "quickstart-no-charts",
  description: "`ccsim run scenarios/quickstart.yaml --no-charts`, whole process",
  run: () => measureQuickstart(["--no-charts"]),
};
