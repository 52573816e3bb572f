/**
 * The words charts share: durations, percentages, the interval, and the subtitle lines on the
 * band and the warm-up. Plain string building with `toFixed`, so the text is the same on every
 * machine (no locale).
 */
import type { ChartRun } from "./chart-input.ts";
import { clockTimeAt } from "./time-axis.ts";

/** `value` with `decimals` decimals, never "-0". */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A duration as a reader says it: "20 s", "2 min", "1 min 30 s", "1 h". */
export function durationText(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  if (seconds > 60 && Number.isInteger(seconds)) {
    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }
  return `${fixed(seconds, Number.isInteger(seconds) ? 0 : 1)} s`;
}

/** A share (0…1) as a percentage with at most one decimal: "80%", "82.5%". */
export function percentText(share: number): string {
  return `${fixed(share * 100, 1).replace(/\.0$/, "")}%`;
}

/** The reporting interval as a noun: "half hour", "15-minute interval". */
export function intervalNoun(intervalLengthSeconds: number): string {
  if (intervalLengthSeconds === 3600) return "hour";
  if (intervalLengthSeconds === 1800) return "half hour";
  if (intervalLengthSeconds === 900) return "quarter hour";
  if (intervalLengthSeconds % 60 === 0) return `${intervalLengthSeconds / 60}-minute interval`;
  return `${durationText(intervalLengthSeconds)} interval`;
}

/** "10 replications" / "one replication". */
export function replicationsPhrase(replications: number): string {
  return replications === 1 ? "one replication" : `${replications} replications`;
}

/** The subtitle line every chart with confidence bands carries. */
export function bandNote(replications: number): string {
  return replications > 1
    ? `Band: 95% confidence interval over ${replicationsPhrase(replications)}.`
    : "One replication, so no confidence band.";
}

/** The subtitle line of a chart that shows means without a band (stacked bars, sums). */
export function meansNote(replications: number, why: string): string {
  return replications > 1
    ? `Means over ${replicationsPhrase(replications)}; no band (${why}).`
    : `One replication, so no confidence band.`;
}

/** Whether a band is drawn at all: a half-width needs at least two replications. */
export function hasBands(replications: number): boolean {
  return replications > 1;
}

/** The subtitle line on the shaded warm-up (`marked` says how), or nothing without warm-up. */
export function warmupNotes(run: ChartRun, marked = "Grey"): string[] {
  if (run.warmupSeconds <= 0) return [];
  return [
    `${marked}: warm-up until ${clockTimeAt(run, Math.min(run.warmupSeconds, run.horizonSeconds))}, left out of the summary figures.`,
  ];
}

/** The caption's tail on the band (or bands), in words a manager reads. */
export function bandCaption(replications: number, bands: "band" | "bands" = "band"): string {
  if (replications <= 1) return "from a single replication, so there is no confidence band";
  const subject = bands === "band" ? "the shaded band is" : "the shaded bands are";
  return `${subject} the 95% confidence interval over ${replicationsPhrase(replications)}`;
}

/** Subtitle lines longer than this are wrapped: about 640 px of 12 px Arimo. */
export const SUBTITLE_LINE_CHARACTERS = 105;

/**
 * A line cut at spaces into lines of at most `maxCharacters` (a longer word stays whole). Vega
 * does not wrap titles, and a long Erlang reason would otherwise widen the whole chart.
 */
export function wrapLine(line: string, maxCharacters = SUBTITLE_LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > maxCharacters) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  return [...lines, current];
}
