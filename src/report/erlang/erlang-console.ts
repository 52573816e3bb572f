/**
 * The text `ccsim erlang` prints: the load, one block per model with a row per agent count
 * (Erlang C with B's blocking beside it; Erlang A given a patience), the agents needed per
 * target, and a legend. Pure: returns the text; the CLI decides where it goes.
 */
import type { ErlangRow, ErlangTable } from "../../planning/index.ts";
import { formatNumber } from "../format-number.ts";
import { alignedLines, answerText, percentText, secondsText, targetText } from "./erlang-cells.ts";

/** The console text of `table`, ending with a newline. */
export function renderErlangConsole(table: ErlangTable): string {
  const { inputs } = table;
  const threshold = `${formatNumber(inputs.thresholdSeconds)} s`;
  const blocks = [
    [
      `Offered load ${formatNumber(table.offeredLoad, 3)} Erlangs: ${formatNumber(inputs.ratePerHour)} calls/hour × ${formatNumber(inputs.handleTimeSeconds)} s mean handle time.`,
    ],
    erlangCBlock(table, threshold),
  ];
  if (inputs.patienceSeconds !== undefined) blocks.push(erlangABlock(table, threshold));
  if (table.answers.length > 0) blocks.push(answersBlock(table));
  blocks.push(legend(table, threshold));
  return `${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}

function meetsColumn(table: ErlangTable, model: "erlangC" | "erlangA", row: ErlangRow): string[] {
  if (table.answers.length === 0) return [];
  const needed = table.allTargets[model];
  if (needed === undefined) return ["—"];
  return [needed !== null && row.agents >= needed ? "yes" : "no"];
}

function erlangCBlock(table: ErlangTable, threshold: string): string[] {
  const header = ["agents", "occupancy", "blocked (B)", "P(wait)", "ASA", `within ${threshold}`];
  if (table.answers.length > 0) header.push("meets targets");
  const rows = table.rows.map((row) => {
    const c = row.erlangC;
    return [
      String(row.agents),
      percentText(c.occupancy),
      percentText(row.blocking, 2),
      percentText(c.probabilityOfWait),
      secondsText(c.meanWaitSeconds),
      percentText(c.serviceLevel),
      ...meetsColumn(table, "erlangC", row),
    ];
  });
  return [
    "Erlang C (callers wait as long as it takes), with Erlang B's blocking",
    ...alignedLines([header, ...rows]),
  ];
}

function erlangABlock(table: ErlangTable, threshold: string): string[] {
  const patience = `${formatNumber(table.inputs.patienceSeconds ?? 0)} s`;
  const header = ["agents", "occupancy", "P(wait)", "abandoned", "ASA", `within ${threshold}`];
  if (table.answers.length > 0) header.push("meets targets");
  const rows = table.rows.map((row) => {
    const a = row.erlangA;
    if (a === undefined) return [String(row.agents)];
    return [
      String(row.agents),
      percentText(a.occupancy),
      percentText(a.probabilityOfWait),
      percentText(a.probabilityOfAbandon),
      secondsText(a.meanWaitOfServedSeconds),
      percentText(a.serviceLevel),
      ...meetsColumn(table, "erlangA", row),
    ];
  });
  return [
    `Erlang A (callers hang up after ${patience} on average)`,
    ...alignedLines([header, ...rows]),
  ];
}

function answersBlock(table: ErlangTable): string[] {
  const withA = table.inputs.patienceSeconds !== undefined;
  const header = ["agents needed", "Erlang C", ...(withA ? ["Erlang A"] : [])];
  const rows = table.answers.map((answer) => [
    targetText(answer.target),
    answerText(answer.target, answer.erlangC),
    ...(withA ? [answerText(answer.target, answer.erlangA)] : []),
  ]);
  if (table.answers.length > 1) {
    const all = (needed: number | null | undefined) =>
      needed === undefined ? "—" : needed === null ? "out of reach" : String(needed);
    rows.push([
      "all targets",
      all(table.allTargets.erlangC),
      ...(withA ? [all(table.allTargets.erlangA)] : []),
    ]);
  }
  return alignedLines([header, ...rows], true);
}

function legend(table: ErlangTable, threshold: string): string[] {
  const lines = [
    "blocked (B): share of calls turned away were there no queue (Erlang B).",
    "P(wait): share of calls finding every agent busy; ASA: mean wait of answered calls.",
    `within ${threshold}: calls answered within ${threshold} / calls arrived (the service level).`,
  ];
  if (table.rows.some((row) => !row.erlangC.stable)) {
    lines.push(
      `unstable: fewer agents than ${table.minimumStableAgents}, so under Erlang C the queue grows without end.`,
    );
  }
  if (
    table.answers.some((answer) => answer.erlangC?.met === false || answer.erlangA?.met === false)
  ) {
    lines.push(
      `none ≤ ${table.maxAgents}: no count up to --max ${table.maxAgents} meets the target.`,
    );
  }
  return lines;
}
