/**
 * What every chart spec must be, for every fixture: in report order, compiling with Vega-Lite
 * without a warning, every temporal scale UTC (no local-time formatting anywhere), every
 * subtitle saying over how many replications, no NaN or Infinity, and unchanged (snapshots).
 */
import { describe, expect, it } from "vitest";
import { chartsOf } from "../../../src/report/charts/index.ts";
import { FIXTURES, inputOf, ONE_QUEUE, ONE_REPLICATION } from "./fixtures.ts";
import { compileLogged, marksOf, markType, numbersIn, subtitleOf } from "./spec-access.ts";

const REPORT_ORDER = [
  "kpis",
  "service-level",
  "arrivals",
  "staffing",
  "occupancy",
  "queue-length",
  "waits",
  "utilization",
  "offers",
];

/** Every scale of a compiled Vega spec, nested groups included. */
function scalesOf(vega: unknown): { name: string; type?: string }[] {
  if (vega === null || typeof vega !== "object") return [];
  const node = vega as { scales?: { name: string; type?: string }[]; marks?: unknown[] };
  return [...(node.scales ?? []), ...(node.marks ?? []).flatMap((mark) => scalesOf(mark))];
}

describe.each(Object.entries(FIXTURES))("charts of %s", (_name, shape) => {
  const input = inputOf(shape);
  const charts = chartsOf(input);

  it("come in report order, each with a title and a one-sentence caption", () => {
    expect(charts.map((chart) => chart.name)).toEqual(REPORT_ORDER);
    for (const chart of charts) {
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.caption).toMatch(/^[A-Z].*\.$/);
      expect(chart.caption.slice(0, -1)).not.toMatch(/\.\s/);
      expect(chart.spec.description).toBe(chart.caption);
    }
  });

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    "%s compiles without a warning",
    (_chartName, chart) => {
      expect(compileLogged(chart.spec).messages).toEqual([]);
    },
  );

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    "%s puts every temporal scale in UTC and formats no local time",
    (_chartName, chart) => {
      const { vega } = compileLogged(chart.spec);
      const temporal = scalesOf(vega).filter(
        (scale) => scale.type === "time" || scale.type === "utc",
      );
      expect(temporal.filter((scale) => scale.type !== "utc")).toEqual([]);
      expect(JSON.stringify(vega)).not.toMatch(/\btime(Format|Parse|Offset|Sequence)\(/);
      const hasTimeAxis = ["service-level", "arrivals", "staffing", "occupancy", "queue-length"];
      expect(temporal.length > 0).toBe(hasTimeAxis.includes(chart.name));
    },
  );

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    "%s says in its subtitle over how many replications",
    (_chartName, chart) => {
      const subtitle = subtitleOf(chart.spec).join(" ");
      expect(subtitle).toContain(
        shape.replications === 1 ? "One replication" : `${shape.replications} replications`,
      );
    },
  );

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    "%s has no NaN or Infinity, and survives JSON unchanged",
    (_chartName, chart) => {
      expect(numbersIn(chart.spec).filter((value) => !Number.isFinite(value))).toEqual([]);
      expect(JSON.parse(JSON.stringify(chart.spec))).toEqual(chart.spec);
    },
  );

  it.each(charts.map((chart) => [chart.name, chart] as const))(
    "%s draws interval data as buckets (x to x2), never as lines over time",
    (_chartName, chart) => {
      for (const { mark, encoding } of marksOf(chart.spec)) {
        const x = encoding?.x as { type?: string } | undefined;
        if (x?.type !== "temporal") continue;
        expect(["line", "area", "point"]).not.toContain(markType(mark));
        const isLabel = markType(mark) === "text";
        if (!isLabel) expect(encoding).toHaveProperty("x2");
      }
    },
  );

  it.each(charts.map((chart) => [chart.name, chart] as const))("%s is unchanged", (_n, chart) => {
    expect(chart.spec).toMatchSnapshot();
  });
});

describe("charts with one replication", () => {
  it("draw no band, since there is no half-width", () => {
    const input = inputOf(ONE_REPLICATION);
    for (const chart of chartsOf(input)) {
      const bandMarks = marksOf(chart.spec).filter(({ encoding }) => {
        const y = encoding?.y as { field?: string } | undefined;
        return y?.field === "low";
      });
      expect(bandMarks, chart.name).toEqual([]);
    }
  });
});

describe("charts of a run with nothing measured", () => {
  it("are still drawn, without a warning, NaN or Infinity", () => {
    const input = inputOf(ONE_QUEUE);
    const empty = {
      ...input,
      summary: {
        ...input.summary,
        intervals: [],
        workers: [],
        waitGridSeconds: [],
        waitCurves: [],
      },
    };
    const charts = chartsOf(empty);
    expect(charts).toHaveLength(REPORT_ORDER.length);
    for (const chart of charts) {
      expect(compileLogged(chart.spec).messages, chart.name).toEqual([]);
      expect(numbersIn(chart.spec).filter((value) => !Number.isFinite(value))).toEqual([]);
    }
  });
});
