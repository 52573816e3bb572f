/**
 * The calculator behind `ccsim erlang`: its figures are the theory functions' own, its
 * agents-needed search agrees with counting up one agent at a time (Erlang C and A, every
 * target metric), and an out-of-reach target reports the best value at --max.
 */
import { describe, expect, it } from "vitest";
import {
  agentsNeededFor,
  agentsNeededForAll,
  type ErlangInputs,
  type ErlangModel,
  type ErlangTarget,
  erlangRowOf,
  erlangTableOf,
  metricValueAt,
  minimumStableAgents,
  satisfies,
} from "../../src/planning/index.ts";
import { erlangA, erlangB, erlangC, erlangCServersFor } from "../../src/theory/index.ts";

/** 100 calls in 30 minutes, 3-minute calls, 80% within 20 s: the textbook case. */
const TEXTBOOK: ErlangInputs = { ratePerHour: 200, handleTimeSeconds: 180, thresholdSeconds: 20 };
const SERVICE_LEVEL_80: ErlangTarget = {
  text: "serviceLevel>=0.8",
  metric: "serviceLevel",
  operator: ">=",
  value: 0.8,
};

/** The fewest agents meeting `target`, counted up one by one from the model's least count. */
function countedUp(inputs: ErlangInputs, model: ErlangModel, target: ErlangTarget): number {
  let agents = model === "erlangC" ? minimumStableAgents(inputs) : 1;
  while (!satisfies(target, metricValueAt(inputs, model, target, agents))) agents++;
  return agents;
}

describe("erlangRowOf", () => {
  it("gives the theory functions' figures for the count", () => {
    const inputs = { ...TEXTBOOK, patienceSeconds: 120 };
    const queue = {
      arrivalRate: 200 / 3600,
      serviceRate: 1 / 180,
      servers: 13,
      serviceLevelThresholdSeconds: 20,
    };
    const row = erlangRowOf(inputs, 13);
    expect(row.blocking).toBe(erlangB(13, 10));
    expect(row.erlangC).toEqual(erlangC(queue));
    expect(row.erlangA).toEqual(erlangA({ ...queue, abandonmentRate: 1 / 120 }));
    expect(erlangRowOf(TEXTBOOK, 13).erlangA).toBeUndefined();
  });
});

describe("erlangRowOf at a whole load", () => {
  it("calls as many agents as Erlangs unstable, as erlangC does when λ/μ is exact", () => {
    // 200/3600 / (1/180) rounds below 10, which erlangC alone would take for a stable queue.
    const row = erlangRowOf(TEXTBOOK, 10);
    expect(row.erlangC).toEqual(
      erlangC({ arrivalRate: 10, serviceRate: 1, servers: 10, serviceLevelThresholdSeconds: 20 }),
    );
    expect(row.erlangC.stable).toBe(false);
    expect(erlangRowOf(TEXTBOOK, 11).erlangC.stable).toBe(true);
  });
});

describe("agentsNeededFor", () => {
  it("answers the textbook case with 14 agents, as erlangCServersFor does", () => {
    const answer = agentsNeededFor(TEXTBOOK, "erlangC", SERVICE_LEVEL_80, 1000);
    expect(answer).toEqual({
      met: true,
      agents: 14,
      value: erlangRowOf(TEXTBOOK, 14).erlangC.serviceLevel,
    });
    expect(
      erlangCServersFor({
        arrivalRate: 200 / 3600,
        serviceRate: 1 / 180,
        serviceLevelThresholdSeconds: 20,
        target: 0.8,
      }),
    ).toBe(14);
  });

  it("agrees with counting up, for every metric, both models and a range of loads", () => {
    const targets: ErlangTarget[] = [
      SERVICE_LEVEL_80,
      { text: "", metric: "serviceLevel", operator: ">", value: 0.95 },
      { text: "", metric: "waitMean", operator: "<=", value: 15 },
      { text: "", metric: "probabilityOfDelay", operator: "<", value: 0.3 },
      { text: "", metric: "occupancy", operator: "<=", value: 0.85 },
      { text: "", metric: "abandonmentRate", operator: "<=", value: 0.02 },
    ];
    for (const ratePerHour of [5, 200, 1500]) {
      const inputs = {
        ratePerHour,
        handleTimeSeconds: 240,
        thresholdSeconds: 20,
        patienceSeconds: 90,
      };
      for (const target of targets) {
        const models: ErlangModel[] =
          target.metric === "abandonmentRate" ? ["erlangA"] : ["erlangC", "erlangA"];
        for (const model of models) {
          const answer = agentsNeededFor(inputs, model, target, 10_000);
          const label = `${ratePerHour}/h ${model} ${target.metric}${target.operator}${target.value}`;
          expect(answer.met, label).toBe(true);
          if (answer.met) expect(answer.agents, label).toBe(countedUp(inputs, model, target));
        }
      }
    }
  });

  it("reports a target out of reach within the maximum with the best value there", () => {
    const target: ErlangTarget = { ...SERVICE_LEVEL_80, value: 0.99 };
    expect(agentsNeededFor(TEXTBOOK, "erlangC", target, 15)).toEqual({
      met: false,
      maxAgents: 15,
      bestValue: erlangRowOf(TEXTBOOK, 15).erlangC.serviceLevel,
    });
    // A maximum below the least stable count: nothing to search.
    expect(agentsNeededFor(TEXTBOOK, "erlangC", target, 9)).toMatchObject({
      met: false,
      maxAgents: 9,
    });
  });
});

describe("erlangTableOf", () => {
  it("takes the largest answer for all targets, and none when one is out of reach", () => {
    expect(
      agentsNeededForAll([
        { met: true, agents: 12, value: 0 },
        { met: true, agents: 14, value: 0 },
      ]),
    ).toBe(14);
    expect(
      agentsNeededForAll([
        { met: true, agents: 12, value: 0 },
        { met: false, maxAgents: 20, bestValue: 0 },
      ]),
    ).toBeUndefined();
  });

  it("shows five counts around the answer when none are asked for, never below the stable minimum", () => {
    const table = erlangTableOf(TEXTBOOK, [SERVICE_LEVEL_80], undefined, 1000);
    expect(table.rows.map((row) => row.agents)).toEqual([12, 13, 14, 15, 16]);
    expect(table.allTargets).toEqual({ erlangC: 14 });
    const easy = erlangTableOf(TEXTBOOK, [{ ...SERVICE_LEVEL_80, value: 0.1 }], undefined, 1000);
    expect(easy.rows.map((row) => row.agents)).toEqual([11, 12, 13, 14, 15]);
    const outOfReach = erlangTableOf(
      TEXTBOOK,
      [{ ...SERVICE_LEVEL_80, value: 0.99 }],
      undefined,
      15,
    );
    expect(outOfReach.rows.map((row) => row.agents)).toEqual([11, 12, 13, 14, 15]);
    expect(outOfReach.allTargets).toEqual({ erlangC: null });
  });

  it("spans both models' answers when a patience is given", () => {
    const inputs = {
      ratePerHour: 900,
      handleTimeSeconds: 180,
      thresholdSeconds: 20,
      patienceSeconds: 240,
    };
    const table = erlangTableOf(inputs, [SERVICE_LEVEL_80], undefined, 1000);
    const { erlangA: a, erlangC: c } = table.allTargets;
    if (typeof a !== "number" || typeof c !== "number") throw new Error("both answers exist");
    expect(a).toBeLessThan(c);
    const agents = table.rows.map((row) => row.agents);
    expect(agents[0]).toBe(a - 2);
    expect(agents.at(-1)).toBe(c + 2);
    expect(agents).toEqual(Array.from({ length: c - a + 5 }, (_, index) => a - 2 + index));
  });

  it("answers abandonment under Erlang A only, and around A's answer given a patience", () => {
    const inputs = { ...TEXTBOOK, patienceSeconds: 120 };
    const abandonment: ErlangTarget = {
      text: "",
      metric: "abandonmentRate",
      operator: "<=",
      value: 0.03,
    };
    const table = erlangTableOf(inputs, [SERVICE_LEVEL_80, abandonment], [10, 14], 1000);
    expect(table.rows.map((row) => row.agents)).toEqual([10, 14]);
    expect(table.answers[1]?.erlangC).toBeUndefined();
    const a = table.answers.map((answer) => answer.erlangA);
    expect(a.every((answer) => answer?.met)).toBe(true);
    expect(table.allTargets.erlangA).toBe(
      Math.max(...a.map((answer) => (answer?.met ? answer.agents : 0))),
    );
    expect(table.allTargets.erlangC).toBe(14);
  });
});
