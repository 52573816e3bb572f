/**
 * `ccsim erlang --format json`: the inputs, the figures per agent count under each model (the
 * metric names of the output contract where one fits), and the agents needed per target.
 * Numbers through the project's JSON writer (6 decimals, infinities as null).
 */
import type { AgentsNeeded, ErlangRow, ErlangTable } from "../../planning/index.ts";
import { type JsonValue, toJsonText } from "../json-text.ts";

/** The JSON text of `table`, ending with a newline. */
export function renderErlangJson(table: ErlangTable): string {
  const { inputs } = table;
  const document: JsonValue = {
    inputs: {
      ratePerHour: inputs.ratePerHour,
      handleTimeSeconds: inputs.handleTimeSeconds,
      serviceLevelThresholdSeconds: inputs.thresholdSeconds,
      patienceSeconds: inputs.patienceSeconds ?? null,
    },
    offeredLoad: table.offeredLoad,
    minimumStableAgents: table.minimumStableAgents,
    maxAgents: table.maxAgents,
    rows: table.rows.map((row) => rowJson(table, row)),
    targets: table.answers.map((answer) => ({
      target: answer.target.text,
      metric: answer.target.metric,
      operator: answer.target.operator,
      value: answer.target.value,
      ...(answer.erlangC === undefined ? {} : { erlangC: answerJson(answer.erlangC) }),
      ...(answer.erlangA === undefined ? {} : { erlangA: answerJson(answer.erlangA) }),
    })),
    agentsNeeded: { ...table.allTargets },
  };
  return `${toJsonText(document)}\n`;
}

function rowJson(table: ErlangTable, row: ErlangRow): JsonValue {
  const c = row.erlangC;
  const meets = (needed: number | null | undefined) =>
    needed === undefined ? {} : { meetsTargets: needed !== null && row.agents >= needed };
  const json: Record<string, JsonValue> = {
    agents: row.agents,
    erlangB: { blocking: row.blocking },
    erlangC: {
      stable: c.stable,
      occupancy: c.occupancy,
      probabilityOfDelay: c.probabilityOfWait,
      waitMean: c.meanWaitSeconds,
      serviceLevel: c.serviceLevel,
      queueLengthMean: c.meanQueueLength,
      ...meets(table.allTargets.erlangC),
    },
  };
  const a = row.erlangA;
  if (a !== undefined) {
    json.erlangA = {
      occupancy: a.occupancy,
      probabilityOfDelay: a.probabilityOfWait,
      abandonmentRate: a.probabilityOfAbandon,
      waitMean: a.meanWaitOfServedSeconds,
      waitMeanOfAllCalls: a.meanWaitSeconds,
      serviceLevel: a.serviceLevel,
      serviceLevelOfAnswered: a.serviceLevelOfAnswered,
      serviceLevelExcludingShortAbandons: a.serviceLevelExcludingShortAbandons,
      queueLengthMean: a.meanQueueLength,
      ...meets(table.allTargets.erlangA),
    };
  }
  return json;
}

function answerJson(answer: AgentsNeeded): JsonValue {
  return answer.met
    ? { met: true, agents: answer.agents, value: answer.value }
    : { met: false, maxAgents: answer.maxAgents, bestValue: answer.bestValue };
}
