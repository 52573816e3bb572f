// The threads case's measurement, in a process of its own run by plain Node (no tsx): the
// compiled ccsim (dist/), as an installed one runs, so that its worker threads boot compiled code
// only. A bench child runs under `--import tsx`, which every worker thread would inherit.
// argv: the scenario file (exact JSON, written by threads.ts) and the thread count; prints
// `{ "wallSeconds": …, "jobs": … }`.
import { readFileSync } from "node:fs";

const [scenarioFile, workersText] = process.argv.slice(2);
const dist = new URL("../../dist/", import.meta.url);
const { decodeExactJson } = await import(new URL("cli/run/exact-json.js", dist).href);
const { runReplications } = await import(new URL("cli/run/replications.js", dist).href);
const scenario = decodeExactJson(readFileSync(scenarioFile, "utf8"));
const started = process.hrtime.bigint();
const results = await runReplications(scenario, {
  traces: new Map(),
  workers: Number(workersText),
});
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
process.stdout.write(`${JSON.stringify({ wallSeconds, jobs })}\n`);
