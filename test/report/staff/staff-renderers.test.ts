/**
 * staff's console text, staffing.csv and staffing.json from studies the real search made: the
 * answer comes first and says when the interval's and the mean's differ, an unreachable target
 * says so with its best value and whether the curve levelled off, the CSV has the contract's
 * columns first and one row per count and target, and the JSON carries the same answers.
 */
import { describe, expect, it } from "vitest";
import {
  renderStaffConsole,
  renderStaffingCsv,
  renderStaffingJson,
  STAFFING_CSV_COLUMNS,
} from "../../../src/report/staff/index.ts";
import { differingAnswers, levelledOff, oneReplication } from "./fixtures.ts";

describe("the console", () => {
  it("gives the confident answer first and the mean's beside it", async () => {
    const text = renderStaffConsole(await differingAnswers());
    const [first, second] = text.split("\n");
    expect(first).toBe(
      "textbook: 17 agents in group agent meet serviceLevel>=0.8 with 95% confidence (0.927 ± 0.080); 16 meet it on average (0.869 ± 0.080)",
    );
    expect(second).toMatch(
      /^searched 1…32 from 16 \(Erlang C's answer; Erlang C for queue textbook\): 3 simulations of 10 replications/,
    );
    expect(text).toMatch(/agents {2}serviceLevel {3}Erlang C {2}meets {7}order/);
    expect(text).toMatch(/ {4}16 {2}0\.869 ± 0\.080 {2}0\.869 {5}on average {2}#1/);
  });

  it("says an unreachable target is one, with the best value and the levelled-off curve", async () => {
    const text = renderStaffConsole(await levelledOff());
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "multi: no count of group agent from 1 to 30 meets serviceLevel>=0.9 and queue:q.abandonmentRate<=0.05 with 95% confidence; the most tried, 30 agents, reach 0.850 ± 0.010; 0.010 ± 0.005",
    );
    expect(lines[1]).toMatch(
      /^the curve has levelled off: from \d+ to 30 agents moved serviceLevel \+0\.000, abandonmentRate /,
    );
    expect(lines[1]).toContain("another group or the routing is the bottleneck");
    // No theory: no Erlang column.
    expect(text).not.toContain("Erlang C ");
    expect(text).toContain("queue:q.abandonmentRate");
  });

  it("says that one replication leaves the mean to decide", async () => {
    const text = renderStaffConsole(await oneReplication());
    expect(text.split("\n")[0]).toBe(
      "single: 20 agents in group agent meet waitMean<=30 in one replication (30.00)",
    );
    expect(text).toContain("note: one replication has no confidence interval");
  });
});

describe("staffing.csv", () => {
  it("has the contract's columns first and one row per count and target", async () => {
    const study = await levelledOff();
    const lines = renderStaffingCsv(study).trimEnd().split("\n");
    expect(lines[0]).toBe(STAFFING_CSV_COLUMNS.join(","));
    expect(STAFFING_CSV_COLUMNS.slice(0, 4)).toEqual(["count", "metric", "mean", "halfWidth"]);
    expect(lines).toHaveLength(1 + 2 * study.search.evaluations.length);
    expect(lines[1]).toMatch(/^\d+,serviceLevel,[\d.]+,0\.01,overall,serviceLevel>=0\.9,,false$/);
    expect(lines[2]).toMatch(
      /^\d+,abandonmentRate,[\d.]+,0\.005,queue:q,queue:q\.abandonmentRate<=0\.05,,(true|false)$/,
    );
  });

  it("writes theory's value and whether each count meets the target", async () => {
    const rows = renderStaffingCsv(await differingAnswers())
      .trimEnd()
      .split("\n")
      .slice(1);
    expect(rows.map((row) => row.split(",")[0])).toEqual(["15", "16", "17"]);
    expect(rows.map((row) => row.split(",")[7])).toEqual(["false", "false", "true"]);
    expect(Number(rows[1]?.split(",")[6])).toBeCloseTo(0.869, 3);
  });
});

describe("staffing.json", () => {
  it("carries the answers and every evaluation", async () => {
    const study = await differingAnswers();
    const document = JSON.parse(renderStaffingJson(study));
    expect(document).toMatchObject({
      scenario: "textbook",
      group: "agent",
      criterion: "interval",
      answer: 17,
      intervalAnswer: 17,
      meanAnswer: 16,
      levelledOff: false,
      erlangFormula: "Erlang C",
    });
    expect(document.evaluations).toHaveLength(3);
    expect(document.evaluations[0].targets[0].target).toBe("serviceLevel>=0.8");
  });
});
