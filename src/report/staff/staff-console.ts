/**
 * What `ccsim staff` prints: the answer first, in one sentence a planner can repeat (the count
 * meeting every target with 95% confidence, the one meeting it on average, and whether they
 * differ), or why there is none; where the search started; then every evaluated count as a
 * table with theory's values beside the simulated ones.
 */
import type { StaffEvaluation, TargetEstimate } from "../../planning/index.ts";
import { decimalsOf, estimateText, fixedText } from "./staff-numbers.ts";
import type { StaffingStudy } from "./staffing-study.ts";

const CONFIDENT = "with 95% confidence";
const ON_AVERAGE = "on average";

/** The console text (lines joined by newlines, no trailing newline). */
export function renderStaffConsole(study: StaffingStudy): string {
  return [...answerLines(study), startLine(study), "", ...tableLines(study)].join("\n");
}

function estimatesAt(study: StaffingStudy, count: number | undefined): string {
  const evaluation = evaluationAt(study, count);
  if (evaluation === undefined) return "";
  return study.targets
    .map((target, index) => estimateText(target.metric, estimateOf(evaluation, index)))
    .join("; ");
}

function evaluationAt(study: StaffingStudy, count: number | undefined) {
  return study.search.evaluations.find((one) => one.count === count);
}

function estimateOf(evaluation: StaffEvaluation, index: number): TargetEstimate {
  return evaluation.estimates[index] ?? { mean: Number.NaN, halfWidth: null };
}

/** The answer, or why there is none: the lines before everything else. */
export function answerLines(study: StaffingStudy): string[] {
  const { search } = study;
  const targets = study.targets.map((target) => target.text).join(" and ");
  const them = study.targets.length === 1 ? "it" : "them";
  const [firstWords, secondWords] =
    search.criterion === "interval" ? [CONFIDENT, ON_AVERAGE] : [ON_AVERAGE, CONFIDENT];
  const [first, second] =
    search.criterion === "interval"
      ? [search.intervalAnswer, search.meanAnswer]
      : [search.meanAnswer, search.intervalAnswer];
  const note =
    study.replications === 1
      ? [
          "note: one replication has no confidence interval: its mean decides both answers (use --replications 10 or more)",
        ]
      : [];
  if (study.replications === 1 && first !== undefined) {
    const estimates = estimatesAt(study, first);
    return [
      `${study.scenario}: ${first} agents in group ${study.groupId} meet ${targets} in one replication (${estimates})`,
      ...note,
    ];
  }
  if (first !== undefined) {
    const lead = `${study.scenario}: ${first} agents in group ${study.groupId} meet ${targets} ${firstWords} (${estimatesAt(study, first)})`;
    if (second === first) return [`${lead}, and ${secondWords} too`, ...note];
    if (second === undefined) {
      return [`${lead}; no count up to ${study.max} meets ${them} ${secondWords}`, ...note];
    }
    return [
      `${lead}; ${second} meet ${them} ${secondWords} (${estimatesAt(study, second)})`,
      ...note,
    ];
  }
  const best = search.best;
  const lines = [
    `${study.scenario}: no count of group ${study.groupId} from ${study.min} to ${study.max} meets ${targets} ${firstWords}` +
      (best === undefined
        ? ""
        : `; the most tried, ${best.count} agents, reach ${estimatesAt(study, best.count)}`),
  ];
  if (second !== undefined) {
    lines.push(`${second} agents meet ${them} ${secondWords} (${estimatesAt(study, second)})`);
  }
  lines.push(
    search.levelledOff
      ? levelledOffLine(study)
      : `raise --max (now ${study.max}) to search further`,
  );
  return [...lines, ...note];
}

function levelledOffLine(study: StaffingStudy): string {
  const evaluations = study.search.evaluations;
  const last = evaluations[evaluations.length - 1] as StaffEvaluation;
  const before = evaluations[evaluations.length - 2] as StaffEvaluation;
  const moves = study.targets.map((target, index) => {
    const gain = estimateOf(last, index).mean - estimateOf(before, index).mean;
    const sign = gain >= 0 ? "+" : "−";
    return `${target.metric} ${sign}${fixedText(Math.abs(gain), decimalsOf(target.metric))}`;
  });
  return `the curve has levelled off: from ${before.count} to ${last.count} agents moved ${moves.join(", ")}, less than the intervals; more of group ${study.groupId} will not get there (another group or the routing is the bottleneck)`;
}

function startLine(study: StaffingStudy): string {
  const simulations = study.search.evaluations.length;
  const note = study.start.note.replace(/\.$/, "");
  const from =
    study.start.from === "erlang"
      ? `${study.erlangFormula}'s answer; ${note}`
      : study.start.from === "given"
        ? "given by --start"
        : `the scenario's count; ${note}`;
  return (
    `searched ${study.min}…${study.max} from ${study.start.count} (${from}): ` +
    `${simulations} simulation${simulations === 1 ? "" : "s"} of ${study.replications} replication${study.replications === 1 ? "" : "s"} on common random numbers (seed ${study.seed})`
  );
}

/** The evaluated counts as an aligned table. */
export function tableLines(study: StaffingStudy): string[] {
  const withErlang = study.targets.map((_, index) =>
    study.search.evaluations.some((one) => study.erlangValue(one.count, index) !== undefined),
  );
  const header = ["agents"];
  study.targets.forEach((target, index) => {
    const name = target.scope === "overall" ? target.metric : `${target.scope}.${target.metric}`;
    header.push(name);
    if (withErlang[index]) header.push(study.erlangFormula ?? "Erlang");
  });
  header.push("meets", "order");
  const rows = study.search.evaluations.map((evaluation) => {
    const row = [String(evaluation.count)];
    study.targets.forEach((target, index) => {
      row.push(estimateText(target.metric, estimateOf(evaluation, index)));
      if (withErlang[index]) {
        const value = study.erlangValue(evaluation.count, index);
        row.push(value === undefined ? "" : fixedText(value, decimalsOf(target.metric)));
      }
    });
    row.push(
      evaluation.meetsOnInterval ? "yes" : evaluation.meetsOnMean ? "on average" : "no",
      `#${evaluation.order}`,
    );
    return row;
  });
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
