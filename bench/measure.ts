/**
 * How the benchmark measures: CPU time (user + system) of this process around a piece of work,
 * peak resident memory, and the CPU time of a whole child process (bash's `times`, which counts
 * the children it waited for), for the command-line cases.
 */
import { execFileSync } from "node:child_process";

/** CPU seconds (user + system, every thread of this process) and wall seconds of `work`. */
export function measureCpu<T>(work: () => T): {
  result: T;
  cpuSeconds: number;
  wallSeconds: number;
} {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const result = work();
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds };
}

/** As `measureCpu`, for asynchronous work. */
export async function measureCpuAsync<T>(
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number; wallSeconds: number }> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const result = await work();
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds };
}

/** This process's peak resident set so far, in MiB (one decimal). */
export function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Reads the children's line of bash's `times` ("0m0.350s 0m0.060s"): user + system seconds. */
export function childCpuSecondsOfTimes(timesOutput: string): number {
  const lines = timesOutput.trim().split("\n");
  const children = lines[lines.length - 1] ?? "";
  const match = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s$/.exec(children.trim());
  if (match === null)
    throw new Error(`cannot read bash's times output: ${JSON.stringify(timesOutput)}`);
  const [, userMinutes, userSeconds, systemMinutes, systemSeconds] = match;
  return (
    Number(userMinutes) * 60 +
    Number(userSeconds) +
    Number(systemMinutes) * 60 +
    Number(systemSeconds)
  );
}

/**
 * Runs `command args…` to the end (its output discarded) under bash and returns its CPU
 * seconds, user + system, of the whole process and anything it started, and the wall seconds.
 * Throws when the command fails. Needs bash (Linux, macOS).
 */
export function commandCpu(
  command: string,
  args: readonly string[],
  cwd: string,
): { cpuSeconds: number; wallSeconds: number } {
  // "$@" keeps every argument whole; `times` then prints the shell's and its children's CPU.
  const script = '"$@" >/dev/null || exit $?; times';
  const wallBefore = process.hrtime.bigint();
  const output = execFileSync("bash", ["-c", `${script}`, "bench", command, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  return { cpuSeconds: childCpuSecondsOfTimes(output), wallSeconds };
}
