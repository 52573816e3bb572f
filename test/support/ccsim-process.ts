/**
 * The CLI as users run it: `node bin/ccsim.js …` in a child process, no shell, with
 * CCSIM_DEBUG cleared so that stack traces appear only where ccsim itself would print them.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What a finished ccsim process left behind. */
export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

const environment = () => ({ ...process.env, CCSIM_DEBUG: "" });

/** Runs ccsim and waits for it. */
export function ccsim(...args: string[]): Outcome {
  const result = spawnSync(process.execPath, ["bin/ccsim.js", ...args], {
    encoding: "utf8",
    env: environment(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking, so that independent runs overlap. */
export function ccsimAsync(...args: string[]): Promise<Outcome> {
  return ccsimAsyncIn(process.cwd(), ...args);
}

/** A line of a Node stack trace: must never appear for bad input. */
export const STACK_LINE = /^\s{4}at /m;

/** bin/ccsim.js by its absolute path, for runs whose working folder is elsewhere. */
const ENTRY = fileURLToPath(new URL("../../bin/ccsim.js", import.meta.url));

/** Runs ccsim without blocking, with `cwd` as its working folder (the sources stay in place). */
export function ccsimAsyncIn(cwd: string, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { cwd, env: environment() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
