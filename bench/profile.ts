/**
 * `npm run bench -- --profile`: reads the V8 CPU profiles the cases' processes wrote
 * (`node --cpu-prof`) and says where the time went: self time by part of ccsim (a folder of
 * src/, one level deeper inside router/, whose folders are the service's parts), by the
 * engine's own entries (garbage collection, idle, the program) and by the top functions. Pure
 * over the profile's JSON; run.ts reads the files and prints these lines.
 */

/** The part of a V8 `.cpuprofile` this reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time of one part or function, in microseconds, with its share of the busy samples. */
export interface ProfileRow {
  readonly name: string;
  readonly microseconds: number;
  readonly share: number;
}

/** Where a profile's time went. */
export interface ProfileSummary {
  /** Samples with the process busy (idle samples, a thread waiting, are left out). */
  readonly totalMicroseconds: number;
  readonly idleMicroseconds: number;
  readonly parts: readonly ProfileRow[];
  readonly functions: readonly ProfileRow[];
}

/** The file path of a profile's `file://` url (other urls as they are). */
function pathOfUrl(url: string): string {
  return decodeURIComponent(url.replace(/^file:\/\//, ""));
}

/** Folders under src/ that are split one level further in the summary. */
const SPLIT_FOLDERS = new Set(["router"]);

/**
 * The part a function's file belongs to: `router/distribution`, `metrics`, `simulate.ts`,
 * `bench`, `node_modules/<package>`, `node internals`, or V8's own `(garbage collector)`.
 */
export function partOfUrl(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const path = pathOfUrl(url);
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules !== null) return `node_modules/${modules[1]}`;
  const source = /\/(?:src|dist)\/(.+)$/.exec(path);
  if (source !== null) {
    const segments = (source[1] as string).split("/");
    const top = segments[0] as string;
    if (segments.length === 1) return top;
    if (SPLIT_FOLDERS.has(top) && segments.length > 2) return `${top}/${segments[1]}`;
    return top;
  }
  const bench = /\/bench\/(.+)$/.exec(path);
  if (bench !== null)
    return (bench[1] as string).startsWith("yardstick/") ? "bench yardstick" : "bench";
  return "other";
}

/** A function's name with its file below src/ (or its url) and line, for the table. */
function functionLabel(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  if (frame.url === "") return name;
  const path = pathOfUrl(frame.url);
  const short = /\/(?:src|dist|bench)\/.+$/.exec(path)?.[0].slice(1) ?? path;
  // Code run through tsx is one transformed line per module: a line number would mislead.
  return frame.lineNumber > 0 ? `${name} ${short}:${frame.lineNumber + 1}` : `${name} ${short}`;
}

function rowsOf(times: Map<string, number>, total: number, limit: number): ProfileRow[] {
  return [...times]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, limit)
    .map(([name, microseconds]) => ({
      name,
      microseconds,
      share: total > 0 ? microseconds / total : 0,
    }));
}

/** Sums self time by part and by function over one or more profiles. */
export function summarizeProfiles(
  profiles: readonly CpuProfile[],
  topFunctions = 25,
): ProfileSummary {
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const profile of profiles) {
    const selfTime = new Map<number, number>();
    profile.samples.forEach((nodeId, index) => {
      selfTime.set(nodeId, (selfTime.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    for (const node of profile.nodes) {
      const microseconds = selfTime.get(node.id) ?? 0;
      if (microseconds === 0) continue;
      if (node.callFrame.url === "" && node.callFrame.functionName === "(idle)") {
        idle += microseconds;
        continue;
      }
      total += microseconds;
      const part = partOfUrl(node.callFrame.url, node.callFrame.functionName);
      byPart.set(part, (byPart.get(part) ?? 0) + microseconds);
      const label = functionLabel(node.callFrame);
      byFunction.set(label, (byFunction.get(label) ?? 0) + microseconds);
    }
  }
  return {
    totalMicroseconds: total,
    idleMicroseconds: idle,
    parts: rowsOf(byPart, total, Number.POSITIVE_INFINITY),
    functions: rowsOf(byFunction, total, topFunctions),
  };
}

/** The summary as text lines: parts first, then the top functions. */
export function formatProfileSummary(caseName: string, summary: ProfileSummary): string[] {
  const line = (row: ProfileRow) => `  ${(100 * row.share).toFixed(1).padStart(5)}%  ${row.name}`;
  return [
    `profile of ${caseName}: ${(summary.totalMicroseconds / 1e6).toFixed(2)} s busy (${(summary.idleMicroseconds / 1e6).toFixed(2)} s idle left out); start-up, warm-up runs and the yardstick included; self time`,
    " by part:",
    ...summary.parts.filter((row) => row.share >= 0.001).map(line),
    ` top ${summary.functions.length} functions:`,
    ...summary.functions.map(line),
  ];
}
