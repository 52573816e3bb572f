#!/usr/bin/env node
// ccsim gates itself: every shipped scenario (scenarios/*.yaml) is checked against its baseline
// (baselines/<file name>.json, with <file name>.replications.csv beside it) with `ccsim check`;
// a scenario without a baseline fails the gate. `--update` rewrites every baseline instead
// (re-baselining on purpose: review the diff, then commit it). Runs from the repository root,
// so the baselines record relative paths and read the same in any clone. Exit 0 when all pass,
// else the first failing check's code (1 a metric moved, 2 a missing or broken baseline).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const update = process.argv.includes("--update");
const scenarios = readdirSync(join(root, "scenarios"))
  .filter((name) => name.endsWith(".yaml"))
  .sort();

let exitCode = 0;
const started = performance.now();
for (const name of scenarios) {
  const stem = name.slice(0, -".yaml".length);
  const scenario = `scenarios/${name}`;
  const baseline = `baselines/${stem}.json`;
  if (!update && !existsSync(join(root, baseline))) {
    console.error(`${scenario}: no baseline ${baseline} (write it with npm run baselines:update)`);
    exitCode ||= 2;
    continue;
  }
  const args = ["bin/ccsim.js", "check", scenario, "--baseline", baseline, "--no-progress"];
  if (update) args.push("--update");
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  const status = result.status ?? 3;
  if (status !== 0) exitCode ||= status;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const verdict = exitCode === 0 ? "passed" : `FAILED (exit ${exitCode})`;
console.log(
  `baselines: ${scenarios.length} scenario(s) ${update ? "re-baselined" : "checked"} in ${seconds} s — ${update && exitCode === 0 ? "done" : verdict}`,
);
process.exit(exitCode);
