/**
 * `ccsim erlang`'s text and JSON: every printed figure is the theory function's value for its
 * row and column (rounded as printed), the agents-needed table gives the textbook 14, unstable
 * and out-of-reach cases are said in words, and the JSON parses with the contract's names.
 */
import { describe, expect, it } from "vitest";
import { type ErlangTarget, erlangTableOf } from "../../../src/planning/index.ts";
import { renderErlangConsole, renderErlangJson } from "../../../src/report/erlang/index.ts";
import { formatNumber } from "../../../src/report/format-number.ts";
import { erlangA, erlangB, erlangC } from "../../../src/theory/index.ts";

const INPUTS = {
  ratePerHour: 200,
  handleTimeSeconds: 180,
  thresholdSeconds: 20,
  patienceSeconds: 120,
};
const SERVICE_LEVEL_80: ErlangTarget = {
  text: "serviceLevel>=0.8",
  metric: "serviceLevel",
  operator: ">=",
  value: 0.8,
};
const ABANDONMENT_3: ErlangTarget = {
  text: "abandonmentRate<=3%",
  metric: "abandonmentRate",
  operator: "<=",
  value: 0.03,
};
const COUNTS = [9, 12, 13, 14, 20];

function queueOf(servers: number) {
  return {
    arrivalRate: 200 / 3600,
    serviceRate: 1 / 180,
    servers,
    serviceLevelThresholdSeconds: 20,
  };
}
const percent = (share: number, decimals = 1) => `${(share * 100).toFixed(decimals)}%`;
const seconds = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} s` : "unstable");

/** The cells of the table under `title`, header first, split on runs of two spaces or more. */
function blockCells(text: string, title: string): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end).map((line) => line.trim().split(/ {2,}/));
}

describe("renderErlangConsole", () => {
  const table = erlangTableOf(INPUTS, [SERVICE_LEVEL_80, ABANDONMENT_3], COUNTS, 1000);
  const text = renderErlangConsole(table);

  it("prints Erlang B and C figures per count as the theory gives them, unstable counts in words", () => {
    const [header, ...rows] = blockCells(text, "Erlang C");
    expect(header).toEqual([
      "agents",
      "occupancy",
      "blocked (B)",
      "P(wait)",
      "ASA",
      "within 20 s",
      "meets targets",
    ]);
    expect(rows.map((row) => Number(row[0]))).toEqual(COUNTS);
    for (const row of rows) {
      const agents = Number(row[0]);
      const c = erlangC(queueOf(agents));
      expect(row).toEqual([
        String(agents),
        percent(c.occupancy),
        percent(erlangB(agents, 10), 2),
        percent(c.probabilityOfWait),
        seconds(c.meanWaitSeconds),
        percent(c.serviceLevel),
        agents >= 14 ? "yes" : "no",
      ]);
    }
    expect(rows[0]?.[4]).toBe("unstable");
    expect(text).toContain(
      "unstable: fewer agents than 11, so under Erlang C the queue grows without end.",
    );
  });

  it("prints Erlang A figures per count as the theory gives them", () => {
    const [header, ...rows] = blockCells(text, "Erlang A (callers hang up after 120 s on average)");
    expect(header).toEqual([
      "agents",
      "occupancy",
      "P(wait)",
      "abandoned",
      "ASA",
      "within 20 s",
      "meets targets",
    ]);
    const needed = table.allTargets.erlangA ?? Number.NaN;
    for (const row of rows) {
      const agents = Number(row[0]);
      const a = erlangA({ ...queueOf(agents), abandonmentRate: 1 / 120 });
      expect(row).toEqual([
        String(agents),
        percent(a.occupancy),
        percent(a.probabilityOfWait),
        percent(a.probabilityOfAbandon),
        seconds(a.meanWaitOfServedSeconds),
        percent(a.serviceLevel),
        agents >= needed ? "yes" : "no",
      ]);
    }
  });

  it("gives the agents needed per target and for all, with the metric at that count", () => {
    const cells = text
      .split("\n")
      .filter((line) => /^(serviceLevel|abandonmentRate|all targets)/.test(line))
      .map((line) => line.split(/ {2,}/));
    const slA = table.answers[0]?.erlangA;
    const abA = table.answers[1]?.erlangA;
    if (!(slA?.met && abA?.met)) throw new Error("both targets are within reach");
    expect(cells).toEqual([
      [
        "serviceLevel >= 0.8",
        `14 (${percent(erlangC(queueOf(14)).serviceLevel)})`,
        `${slA.agents} (${percent(slA.value)})`,
      ],
      ["abandonmentRate <= 0.03", "—", `${abA.agents} (${percent(abA.value)})`],
      ["all targets", "14", String(Math.max(slA.agents, abA.agents))],
    ]);
  });

  it("says when a target is out of reach within the maximum", () => {
    const outOfReach = renderErlangConsole(
      erlangTableOf(
        { ratePerHour: 200, handleTimeSeconds: 180, thresholdSeconds: 20 },
        [{ ...SERVICE_LEVEL_80, value: 0.99 }],
        undefined,
        15,
      ),
    );
    const best = erlangC(queueOf(15)).serviceLevel;
    expect(outOfReach).toContain(`serviceLevel >= 0.99  none ≤ 15 (best ${percent(best)})`);
    expect(outOfReach).toContain("none ≤ 15: no count up to --max 15 meets the target.");
  });
});

describe("renderErlangJson", () => {
  it("parses, and holds the theory's figures under the contract's names", () => {
    const table = erlangTableOf(INPUTS, [SERVICE_LEVEL_80], COUNTS, 1000);
    const json = JSON.parse(renderErlangJson(table));
    const rounded = (value: number) =>
      Number.isFinite(value) ? Number(formatNumber(value)) : null;
    expect(json.inputs).toEqual({
      ratePerHour: 200,
      handleTimeSeconds: 180,
      serviceLevelThresholdSeconds: 20,
      patienceSeconds: 120,
    });
    expect(json.offeredLoad).toBe(10);
    expect(json.minimumStableAgents).toBe(11);
    expect(json.rows).toHaveLength(COUNTS.length);
    for (const row of json.rows) {
      const c = erlangC(queueOf(row.agents));
      const a = erlangA({ ...queueOf(row.agents), abandonmentRate: 1 / 120 });
      expect(row.erlangB).toEqual({ blocking: rounded(erlangB(row.agents, 10)) });
      expect(row.erlangC).toEqual({
        stable: c.stable,
        occupancy: rounded(c.occupancy),
        probabilityOfDelay: rounded(c.probabilityOfWait),
        waitMean: rounded(c.meanWaitSeconds),
        serviceLevel: rounded(c.serviceLevel),
        queueLengthMean: rounded(c.meanQueueLength),
        meetsTargets: row.agents >= 14,
      });
      expect(row.erlangA).toMatchObject({
        abandonmentRate: rounded(a.probabilityOfAbandon),
        waitMean: rounded(a.meanWaitOfServedSeconds),
        waitMeanOfAllCalls: rounded(a.meanWaitSeconds),
        serviceLevel: rounded(a.serviceLevel),
      });
    }
    expect(json.targets[0]).toMatchObject({
      target: "serviceLevel>=0.8",
      metric: "serviceLevel",
      operator: ">=",
      value: 0.8,
      erlangC: { met: true, agents: 14, value: rounded(erlangC(queueOf(14)).serviceLevel) },
    });
    expect(json.agentsNeeded.erlangC).toBe(14);
  });
});
