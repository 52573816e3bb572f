/**
 * How `ccsim erlang`'s table writes its numbers (shares as percentages with one decimal,
 * seconds with one), and a column aligner.
 */
import type { AgentsNeeded, ErlangTarget } from "../../planning/index.ts";
import { formatNumber } from "../format-number.ts";

/** A share as a percentage, `decimals` after the point. */
export function percentText(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** Seconds with one decimal, or "unstable" for an unbounded wait. */
export function secondsText(seconds: number): string {
  return Number.isFinite(seconds) ? `${seconds.toFixed(1)} s` : "unstable";
}

/** A target's metric value in its unit. */
export function targetValueText(target: ErlangTarget, value: number): string {
  return target.metric === "waitMean" ? secondsText(value) : percentText(value);
}

/** The target as `metric op value`, its value in the metric's unit. */
export function targetText(target: ErlangTarget): string {
  const value =
    target.metric === "waitMean" ? `${formatNumber(target.value)} s` : formatNumber(target.value);
  return `${target.metric} ${target.operator} ${value}`;
}

/** One cell of the agents-needed table: the count and the metric there, or the best reached. */
export function answerText(target: ErlangTarget, answer: AgentsNeeded | undefined): string {
  if (answer === undefined) return "—";
  if (answer.met) return `${answer.agents} (${targetValueText(target, answer.value)})`;
  return `none ≤ ${answer.maxAgents} (best ${targetValueText(target, answer.bestValue)})`;
}

/** Rows as aligned text, right-aligned but for the first column when `firstLeft`. */
export function alignedLines(rows: readonly (readonly string[])[], firstLeft = false): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const padding = " ".repeat((widths[index] ?? 0) - [...cell].length);
        return index === 0 && firstLeft ? cell + padding : padding + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}
