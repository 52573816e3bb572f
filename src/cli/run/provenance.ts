/**
 * The provenance summary.json records: ccsim's version, the scenario file and the trace files it
 * reads, each by a SHA-256 of its bytes. Paths are relative to the working folder with `/`
 * separators and nothing depends on the clock or the host, so identical runs from the same
 * folder stay byte-identical. Each file is read again here, just after loading, in 1 MiB chunks
 * (trace files are regular files by the scenario rules; a scenario read from a pipe gets no hash).
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { UsageError } from "../../errors.ts";
import type { Provenance, TraceProvenance } from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { packageVersion } from "../version.ts";

const CHUNK_BYTES = 1 << 20;

/**
 * The provenance of a run of `scenario`, loaded from `scenarioFile` (as the user named it),
 * with paths shown relative to `workingDirectory`.
 */
export function describeProvenance(
  scenarioFile: string,
  scenario: Scenario,
  workingDirectory: string = process.cwd(),
): Provenance {
  const traceFiles: TraceProvenance[] = [];
  for (const arrival of scenario.arrivals) {
    if (arrival.arrival.kind !== "trace") continue;
    const file = resolve(workingDirectory, arrival.arrival.file);
    traceFiles.push({
      arrival: arrival.id,
      file: portablePath(workingDirectory, file),
      sha256: sha256OfFile(file),
    });
  }
  const scenarioPath = resolve(workingDirectory, scenarioFile);
  return {
    ccsimVersion: packageVersion(),
    scenarioFile: portablePath(workingDirectory, scenarioPath),
    // A pipe (`/dev/stdin`, `<(…)`) is empty or blocks when read again: no hash beats a wrong one.
    scenarioSha256: isRegularFile(scenarioPath) ? sha256OfFile(scenarioPath) : null,
    traceFiles,
  };
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `path` relative to `from`, with `/` separators whatever the system: `./a.yaml` and the
 * absolute spelling of the same file give the same text. Only the file name when no relative
 * path exists (another drive on Windows): never an absolute path, which names the user's folders.
 */
export function portablePath(from: string, path: string): string {
  const relativePath = relative(from, path);
  if (relativePath === "" || isAbsolute(relativePath)) return basename(path);
  return relativePath.split(sep).join("/");
}

/** The SHA-256 of a file's bytes, in lower-case hex, read in chunks (traces can be large). */
export function sha256OfFile(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    for (;;) {
      const bytes = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      if (bytes === 0) break;
      hash.update(buffer.subarray(0, bytes));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${path}: cannot read the file to record its hash (${code})`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  return hash.digest("hex");
}
