/**
 * The CLI as users run it: `node bin/ccsim.js …` in a child process, no shell, with
 * CCSIM_DEBUG cleared so that stack traces appear only where ccsim itself would print them.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
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

/** A running ccsim child process, and what it has printed so far. */
export interface RunningCcsim {
  readonly child: ChildProcess;
  readonly printed: () => { stdout: string; stderr: string };
}

/** Starts `bin/ccsim.js` in a child process with `cwd` as its working folder. */
export function startCcsim(args: readonly string[], cwd = process.cwd()): RunningCcsim {
  const child = spawn(process.execPath, [ENTRY, ...args], { cwd, env: environment() });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return { child, printed: () => ({ stdout, stderr }) };
}

/** Runs ccsim without blocking, with `cwd` as its working folder (the sources stay in place). */
export function ccsimAsyncIn(cwd: string, ...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const { child, printed } = startCcsim(args, cwd);
    child.on("close", (status) => resolve({ status, ...printed() }));
  });
}

/** When `ccsimInterrupted` sends SIGINT, and how long it waits for things before failing. */
export interface InterruptOptions {
  /** Extra wait after the run is under way, so the interrupt lands mid-run (default 0). */
  readonly afterStartMilliseconds?: number;
  /** A run that has not started writing by then is killed and the test fails (default 150 s). */
  readonly startLimitMilliseconds?: number;
  /** A run still alive this long after SIGINT is killed and the test fails (default 60 s). */
  readonly stopLimitMilliseconds?: number;
  /**
   * What shows the run is under way, instead of a temporary file in the output folder: a
   * command that writes only at the end (compare) says so on stderr first.
   */
  readonly startedWhen?: (printed: { stdout: string; stderr: string }) => boolean;
}

/**
 * Runs ccsim and sends SIGINT once a temporary output file (`*.partial-*`) in `out` (or
 * `startedWhen`) shows that the run is under way (its Ctrl-C handler is installed by then). The limits are safety nets
 * against a hang, far above what any run needs on a loaded machine, not timing assertions.
 */
export function ccsimInterrupted(
  args: readonly string[],
  out: string,
  options: InterruptOptions = {},
): Promise<Outcome> {
  const {
    afterStartMilliseconds = 0,
    startLimitMilliseconds = 150_000,
    stopLimitMilliseconds = 60_000,
    startedWhen,
  } = options;
  return new Promise((resolve, reject) => {
    const { child, printed } = startCcsim(args);
    let safetyNet = setTimeout(() => {
      clearInterval(poll);
      child.kill("SIGKILL");
      reject(new Error(`the run never started writing; stderr: ${printed().stderr}`));
    }, startLimitMilliseconds);
    const interrupt = () => {
      child.kill("SIGINT");
      safetyNet = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the run did not stop after SIGINT; stderr: ${printed().stderr}`));
      }, stopLimitMilliseconds);
    };
    const poll = setInterval(() => {
      const started =
        startedWhen === undefined
          ? existsSync(out) && readdirSync(out).some((name) => name.includes(".partial-"))
          : startedWhen(printed());
      if (!started) return;
      clearInterval(poll);
      clearTimeout(safetyNet);
      setTimeout(interrupt, afterStartMilliseconds);
    }, 10);
    child.on("close", (status) => {
      clearInterval(poll);
      clearTimeout(safetyNet);
      resolve({ status, ...printed() });
    });
  });
}
