import { describe, expect, it } from "vitest";
import { METRIC_NAMES } from "../../src/metrics/types.ts";
import { renderConsoleSummary } from "../../src/report/console-summary.ts";
import { renderIntervalsCsv } from "../../src/report/intervals-csv.ts";
import { renderSummaryCsv } from "../../src/report/summary-csv.ts";
import { renderSummaryJson } from "../../src/report/summary-json.ts";
import { renderWaitsCsv, WAITS_CSV_COLUMNS } from "../../src/report/waits-csv.ts";
import { renderWorkersCsv } from "../../src/report/workers-csv.ts";
import { FULL, OVERALL_ONLY, RUN, scope } from "./fixtures.ts";

const UNDEFINED_JSON = '{ "mean": null, "halfWidth": null }';

/** The golden lines of the overall block, metrics with no value printing null. */
function overallJsonLines(): string[] {
  const defined: Record<string, string> = {
    arrived: '{ "mean": 120.5, "halfWidth": 6.25 }',
    waitMean: '{ "mean": 7.835938, "halfWidth": null }',
    serviceLevel: '{ "mean": 0.812346, "halfWidth": 0.012345 }',
    abandonWaitMean: '{ "mean": 0, "halfWidth": null }',
    utilization: '{ "mean": 0.666667, "halfWidth": 0 }',
    queueLengthMax: '{ "mean": 3, "halfWidth": 0 }',
  };
  return METRIC_NAMES.map((name, index) => {
    const comma = index === METRIC_NAMES.length - 1 ? "" : ",";
    return `    "${name}": ${defined[name] ?? UNDEFINED_JSON}${comma}`;
  });
}

describe("renderSummaryJson", () => {
  it("writes the contract's shape with fixed-point numbers and null for undefined", () => {
    const expected = [
      "{",
      '  "scenario": "quickstart",',
      '  "seed": 1,',
      '  "replications": 2,',
      '  "horizonSeconds": 3600,',
      '  "warmupSeconds": 0,',
      '  "serviceLevelThresholdSeconds": 20,',
      '  "overall": {',
      ...overallJsonLines(),
      "  },",
      '  "queues": {},',
      '  "arrivals": {}',
      "}",
      "",
    ].join("\n");
    expect(renderSummaryJson(RUN, OVERALL_ONLY)).toBe(expected);
  });

  it("nests queues and arrival streams by id", () => {
    const parsed = JSON.parse(renderSummaryJson(RUN, FULL));
    expect(Object.keys(parsed)).toEqual([
      "scenario",
      "seed",
      "replications",
      "horizonSeconds",
      "warmupSeconds",
      "serviceLevelThresholdSeconds",
      "overall",
      "queues",
      "arrivals",
    ]);
    expect(parsed.queues.sales.arrived).toEqual({ mean: 60, halfWidth: 3 });
    expect(parsed.arrivals.web.arrived).toEqual({ mean: 60.25, halfWidth: 2.5 });
    expect(parsed.queues.sales.waitMean).toEqual({ mean: null, halfWidth: null });
  });
});

describe("renderSummaryCsv", () => {
  it("writes one scope,metric row per metric with empty cells for undefined", () => {
    const defined: Record<string, string> = {
      arrived: "120.5,6.25",
      waitMean: "7.835938,",
      serviceLevel: "0.812346,0.012345",
      abandonWaitMean: "0,",
      utilization: "0.666667,0",
      queueLengthMax: "3,0",
    };
    const expected = [
      "scope,metric,mean,halfWidth",
      ...METRIC_NAMES.map((name) => `overall,${name},${defined[name] ?? ","}`),
      "",
    ].join("\n");
    expect(renderSummaryCsv(OVERALL_ONLY)).toBe(expected);
  });

  it("orders scopes overall, queue:<id>, arrival:<id>", () => {
    const lines = renderSummaryCsv(FULL).trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 3 * METRIC_NAMES.length);
    expect(lines[1]).toBe("overall,arrived,120.5,6.25");
    expect(lines[1 + METRIC_NAMES.length]).toBe("queue:sales,arrived,60,3");
    expect(lines[1 + 2 * METRIC_NAMES.length]).toBe("arrival:web,arrived,60.25,2.5");
    expect(lines.at(-1)).toBe(`arrival:web,${METRIC_NAMES.at(-1)},,`);
  });
});

describe("renderIntervalsCsv", () => {
  it("writes one row per interval and queue: contract columns, added columns, warm-up marker, half-widths", () => {
    expect(renderIntervalsCsv(FULL)).toBe(
      [
        "intervalStartSeconds,intervalEndSeconds,queue,arrivals,answered,abandoned,serviceLevel,waitMean,queueLengthMean,busyWorkers,answeredWithinThreshold,staffedWorkers,occupancy,offeredLoad,startsInWarmup,arrivalsHalfWidth,answeredHalfWidth,abandonedHalfWidth,serviceLevelHalfWidth,waitMeanHalfWidth,queueLengthMeanHalfWidth,busyWorkersHalfWidth,answeredWithinThresholdHalfWidth,staffedWorkersHalfWidth,occupancyHalfWidth,offeredLoadHalfWidth",
        "0,900,sales,30.5,29,1.5,0.9,4.123457,0.25,3.5,27.5,4.25,0.823529,3.75,true,2.25,2,0.5,0.031235,1,0.1,0.25,1.75,0.125,0.01,0.3",
        "900,1800,sales,0,0,0,,,0,0.1,0,0.5,0.2,0,false,0,0,0,,,0,0.05,0,0.05,0.1,0",
        "",
      ].join("\n"),
    );
  });
});

describe("renderWorkersCsv", () => {
  it("writes one row per worker with half-widths and the group last, quoting as CSV requires", () => {
    expect(renderWorkersCsv(FULL)).toBe(
      [
        "worker,offersReceived,offersAccepted,offersDeclined,offersExpired,offersRevoked,jobsHandled,busySeconds,utilization,offersReceivedHalfWidth,offersAcceptedHalfWidth,offersDeclinedHalfWidth,offersExpiredHalfWidth,offersRevokedHalfWidth,jobsHandledHalfWidth,busySecondsHalfWidth,utilizationHalfWidth,group",
        "agent-1,40,38.5,1,0.5,0,38.5,2700.125,0.75,4,3.5,1,0.5,0,3.5,120.5,0.05,agent",
        '"night, ""B"" shift",0,0,0,0,0,0,0,,0,0,0,0,0,0,0,,"night, B"',
        "",
      ].join("\n"),
    );
  });
});

describe("renderWaitsCsv", () => {
  it("writes one row per scope and grid point, empty cells where undefined", () => {
    expect(renderWaitsCsv(FULL)).toBe(
      [
        "scope,waitSeconds,answeredWithin,answeredWithinHalfWidth,abandonedWithin,abandonedWithinHalfWidth",
        "overall,0,0.25,0.05,0,0",
        "overall,5,0.666667,0.1,0.01,0.005",
        "overall,10,0.9,0.02,0.05,0.01",
        "queue:sales,0,,,,",
        "queue:sales,5,0.5,,0,",
        "queue:sales,10,1,,0,",
        "",
      ].join("\n"),
    );
  });

  it("writes only the header without curves", () => {
    expect(renderWaitsCsv(OVERALL_ONLY)).toBe(`${WAITS_CSV_COLUMNS.join(",")}\n`);
  });
});

describe("renderConsoleSummary", () => {
  it("aligns headline metrics by scope with ± half-widths", () => {
    const text = renderConsoleSummary(RUN, FULL, [
      "arrived",
      "serviceLevel",
      "waitMean",
      "utilization",
    ]);
    expect(text).toBe(
      [
        "quickstart: 2 replications, mean ± 95% half-width",
        "metric        overall        queue:sales",
        "arrived       120.5 ± 6.25   60 ± 3",
        "serviceLevel  0.812 ± 0.012  -",
        "waitMean      7.836          -",
        "utilization   0.667 ± 0      -",
        "",
      ].join("\n"),
    );
  });

  it("adds the routing counters only when some scope has one", () => {
    const quiet = renderConsoleSummary(RUN, FULL);
    expect(quiet).not.toContain("jobsMovedIn");
    const moved = {
      ...FULL,
      queues: { sales: scope({ jobsMovedIn: { mean: 2.5, halfWidth: 1 } }) },
    };
    const lines = renderConsoleSummary(RUN, moved).split("\n");
    expect(lines.filter((line) => line.startsWith("jobsMovedIn "))).toEqual([
      "jobsMovedIn             -              2.5 ± 1",
    ]);
    expect(lines.some((line) => line.startsWith("exceptionsTriggered"))).toBe(false);
  });

  it("shows every headline metric by default", () => {
    const lines = renderConsoleSummary(RUN, { ...FULL, replications: 1 }, undefined).split("\n");
    expect(lines[0]).toBe("quickstart: 1 replication, mean ± 95% half-width");
    expect(lines.filter((line) => line.startsWith("serviceLevelOfAnswered "))).toHaveLength(1);
  });
});
