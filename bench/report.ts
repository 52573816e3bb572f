/**
 * The judging and printing of figures, kept free of timing and files so that tests can feed it
 * made-up numbers: a figure against its target (pass/fail), against the baseline (the change,
 * and a flag when it got more than 20% worse), and as one table line or a JSON record.
 */
import type { BaselineFigure } from "./baseline.ts";
import { type FigureDefinition, type FigureValue, formatRate, type Target } from "./figures.ts";

/** A figure gets flagged when it is worse than its baseline by more than this factor. */
export const SLOWDOWN_FACTOR = 1.2;

/** A figure with its verdicts. */
export interface JudgedFigure {
  readonly id: string;
  readonly description: string;
  readonly unit: string;
  readonly value: number;
  readonly normalized: number;
  readonly versusLoop?: string;
  readonly note?: string;
  readonly target?: Target;
  /** Whether the value meets the target; absent without a target. */
  readonly met?: boolean;
  readonly baseline?: BaselineFigure;
  /** The change against the baseline, in percent of the baseline, if there is one. */
  readonly changePercent?: number;
  /** What the change was computed on: the yardstick-relative values, or the raw ones. */
  readonly comparedOn?: "loop" | "value";
  /**
   * How many times worse than the baseline (time per job, or size; > 1 is worse), if there is
   * one; for a rate, the baseline's rate ÷ today's.
   */
  readonly worsening?: number;
  /** Worse than the baseline by more than SLOWDOWN_FACTOR (never for a gauge). */
  readonly flagged: boolean;
}

/** Whether `value` meets `target`. */
export function meetsTarget(value: number, target: Target): boolean {
  switch (target.op) {
    case ">=":
      return value >= target.bound;
    case "<=":
      return value <= target.bound;
    case "<":
      return value < target.bound;
  }
}

/** A figure judged against its target and the baseline's record of it. */
export function judgeFigure(
  definition: FigureDefinition,
  figure: FigureValue,
  baseline: BaselineFigure | undefined,
): JudgedFigure {
  const judged: JudgedFigure = {
    id: definition.id,
    description: definition.description,
    unit: definition.unit,
    value: figure.value,
    normalized: figure.normalized,
    ...(figure.versusLoop === undefined ? {} : { versusLoop: figure.versusLoop }),
    ...(figure.note === undefined ? {} : { note: figure.note }),
    ...(definition.target === undefined
      ? {}
      : { target: definition.target, met: meetsTarget(figure.value, definition.target) }),
    flagged: false,
  };
  if (baseline === undefined) return judged;
  const onLoop = baseline.normalized !== undefined;
  const before = onLoop ? (baseline.normalized as number) : baseline.value;
  const now = onLoop ? figure.normalized : figure.value;
  const worsening = definition.better === "higher" ? before / now : now / before;
  return {
    ...judged,
    baseline,
    changePercent: (now / before - 1) * 100,
    comparedOn: onLoop ? "loop" : "value",
    worsening,
    flagged: definition.gauge !== true && worsening > SLOWDOWN_FACTOR,
  };
}

/** A value with its unit: "1.50 M jobs/s", "2.31×", "0.42 s CPU", "150.2 MiB". */
export function formatValue(value: number, unit: string): string {
  if (unit.endsWith("/s")) return `${formatRate(value)} ${unit}`;
  if (unit.startsWith("×")) return `${value.toFixed(2)}${unit}`;
  if (unit === "s CPU") return `${value.toFixed(2)} s CPU`;
  if (unit === "MiB") return `${value.toFixed(1)} MiB`;
  return `${value} ${unit}`;
}

const OPERATOR_TEXT: Readonly<Record<Target["op"], string>> = { ">=": "≥", "<=": "≤", "<": "<" };

/** A target as printed: "≥ 1.50 M jobs/s", "≤ 3.00× loop". */
export function formatTarget(target: Target, unit: string): string {
  return `${OPERATOR_TEXT[target.op]} ${formatValue(target.bound, unit)}`;
}

function formatChange(figure: JudgedFigure): string {
  if (figure.changePercent === undefined) return "";
  const sign = figure.changePercent >= 0 ? "+" : "";
  return `${sign}${figure.changePercent.toFixed(1)}%${figure.comparedOn === "loop" ? "" : "*"}`;
}

function formatFlag(figure: JudgedFigure): string {
  if (!figure.flagged || figure.worsening === undefined) return "";
  const what = figure.unit === "MiB" ? "MORE MEMORY" : "SLOWDOWN";
  return `${what} ×${figure.worsening.toFixed(2)}`;
}

/** The columns of a table line, in order, with their widths. */
const COLUMNS = [
  ["figure", 22],
  ["value", 17],
  ["vs loop", 19],
  ["target", 17],
  ["result", 6],
  ["baseline", 17],
  ["change", 8],
] as const;

function row(cells: readonly string[], rest: string): string {
  const padded = cells.map((cell, index) =>
    cell.padEnd((COLUMNS[index] as (typeof COLUMNS)[number])[1]),
  );
  return `${padded.join(" ")} ${rest}`.trimEnd();
}

/** The table's header line. */
export function formatHeader(): string {
  return row(
    COLUMNS.map(([name]) => name),
    "flag / note",
  );
}

/** One figure as a table line. */
export function formatFigureLine(figure: JudgedFigure): string {
  const result = figure.met === undefined ? "—" : figure.met ? "pass" : "FAIL";
  const flag = formatFlag(figure);
  const rest = [flag, figure.note === undefined ? "" : `(${figure.note})`]
    .filter((part) => part !== "")
    .join(" ");
  return row(
    [
      figure.id,
      formatValue(figure.value, figure.unit),
      figure.versusLoop ?? "",
      figure.target === undefined ? "(none)" : formatTarget(figure.target, figure.unit),
      result,
      figure.baseline === undefined ? "(none)" : formatValue(figure.baseline.value, figure.unit),
      formatChange(figure),
    ],
    rest,
  );
}

/** Whether a run with these figures fails under --strict: a missed target or a flag. */
export function failsStrict(figures: readonly JudgedFigure[]): boolean {
  return figures.some((figure) => figure.met === false || figure.flagged);
}
