/**
 * The official Python SDK for Job Router (azure-communication-jobrouter), as
 * scripts/python-sdk.sh prepares it from Debian's packages in .cache/python-sdk/, for tests that
 * drive `ccsim serve` with the real client. Where it is, whether it works, how to run a script
 * with it, and the skip-or-fail decision: without the SDK a test fails under CI=true (.ci/run
 * prepares it) and is skipped, loudly, elsewhere (as test/browser/report.test.ts does for
 * Chromium).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Debian's Python: the SDK's packages are unpacked for it (3.11 on bookworm), not for pyenv's. */
export const PYTHON = "/usr/bin/python3";

const ROOT = join(import.meta.dirname, "..", "..");

/** The command that prepares the SDK, as the messages spell it. */
const PREPARE = "scripts/python-sdk.sh";

/** The folder to put on PYTHONPATH: `.cache/python-sdk/` at the repository root. */
export function pythonSdkPath(): string {
  return join(ROOT, ".cache", "python-sdk");
}

/**
 * The environment a script runs in: the prepared SDK alone on PYTHONPATH (whatever the caller
 * had there), unbuffered output so that a script killed on its time limit still shows how far it
 * got, and no proxy for local addresses (requests, under azure-core, honours HTTP_PROXY, which
 * would send the requests meant for `ccsim serve` elsewhere).
 */
function pythonEnvironment(): NodeJS.ProcessEnv {
  const local = "127.0.0.1,localhost,::1";
  return {
    ...process.env,
    PYTHONPATH: pythonSdkPath(),
    PYTHONUNBUFFERED: "1",
    PYTHONIOENCODING: "utf-8",
    NO_PROXY: [process.env.NO_PROXY, local].filter(Boolean).join(","),
    no_proxy: [process.env.no_proxy, local].filter(Boolean).join(","),
  };
}

/**
 * `-S` keeps the machine's own dist-packages off sys.path: what the tests run is exactly the
 * prepared folder, as the script checked it, not a mix with whatever this machine installed.
 */
const PYTHON_FLAGS = ["-S"] as const;

let checked: string | undefined;

/** Why the SDK cannot be used, or "" when it can. Checked once per test file (one process). */
function unavailableReason(): string {
  checked ??= checkAvailability();
  return checked;
}

/**
 * The check itself. The script renames the folder into place only once complete, with
 * SOURCES.txt (the packages it came from) inside: a folder without it is not the script's.
 */
function checkAvailability(): string {
  const folder = pythonSdkPath();
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  if (!existsSync(join(folder, "SOURCES.txt"))) return `${folder} is missing or incomplete`;
  const result = spawnSync(
    PYTHON,
    [...PYTHON_FLAGS, "-c", "from azure.communication.jobrouter import JobRouterClient"],
    { encoding: "utf8", env: pythonEnvironment(), timeout: 60_000, killSignal: "SIGKILL" },
  );
  if (result.status === 0) return "";
  const why = result.error?.message ?? result.stderr.trim().split("\n").at(-1) ?? "";
  return `${PYTHON} cannot import the client from ${folder}: ${why}`;
}

/** Whether the prepared SDK exists and Debian's Python imports the client from it. */
export function pythonSdkAvailable(): boolean {
  return unavailableReason() === "";
}

/**
 * Decides, at the top of a test file, whether its Python SDK tests are skipped: true only when
 * the SDK is unusable outside CI, after a loud warning saying why and how to enable them. Under
 * CI=true it returns false, so that the tests run and fail in `assertPythonSdk` instead.
 *
 *     describe.skipIf(skipWithoutPythonSdk("test/serve/x.test.ts"))("…", () => {
 *       beforeAll(() => assertPythonSdk());
 */
export function skipWithoutPythonSdk(testFile: string): boolean {
  if (pythonSdkAvailable() || process.env.CI === "true") return false;
  console.warn(
    [
      "",
      `!!! SKIPPED ${testFile}: the official Python SDK for Job Router is not usable.`,
      `!!! ${unavailableReason()}.`,
      "!!! `ccsim serve` was NOT checked against the real client. Prepare the SDK (from Debian's",
      "!!! packages: about 16 MB downloaded, 5 MB kept in .cache/python-sdk/), then run again:",
      `!!!   ${PREPARE}`,
      "",
    ].join("\n"),
  );
  return true;
}

/** Throws, saying how to prepare it, when the SDK is unusable: under CI, missing SDK fails. */
export function assertPythonSdk(): void {
  const reason = unavailableReason();
  if (reason !== "") {
    throw new Error(
      `the official Python SDK is required here (CI=true): ${reason}. Run ${PREPARE} ` +
        "(.ci/run does, after apt-get update) and check its messages.",
    );
  }
}

/** What a finished Python script left behind. */
export interface PythonOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `runPythonSdkScript`. */
export interface PythonRunOptions {
  /** A script still running after this long is killed and the run rejects (default 60 s). */
  readonly timeoutMs?: number;
}

/**
 * Runs `scriptPath` with Debian's Python and the prepared SDK, without blocking (the server it
 * talks to may live in this very process). Resolves with its exit status and output; rejects if
 * it cannot start or is still running after `timeoutMs`, killed, with what it printed so far. The
 * limit is a safety net against a hang, not a timing assertion.
 */
export function runPythonSdkScript(
  scriptPath: string,
  args: readonly string[] = [],
  options: PythonRunOptions = {},
): Promise<PythonOutcome> {
  const { timeoutMs = 60_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [...PYTHON_FLAGS, scriptPath, ...args], {
      env: pythonEnvironment(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const limit = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${scriptPath} was still running after ${timeoutMs} ms and was killed.\n` +
            `stdout so far:\n${stdout}\nstderr so far:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(limit);
      reject(new Error(`could not run ${PYTHON} ${scriptPath}: ${error.message}`));
    });
    child.on("close", (status) => {
      clearTimeout(limit);
      resolve({ status, stdout, stderr });
    });
  });
}
