/**
 * The layout choices of the charts: small multiples beyond three queues (per-queue colours) or
 * beyond one (per-queue breakdowns), a histogram per group above 60 workers, the warm-up shaded
 * only when there is one, rare outcomes only when they happened, and the Erlang requirement's
 * method or reason in the staffing subtitle.
 */
import { describe, expect, it } from "vitest";
import {
  type ChartInput,
  chartsOf,
  type ErlangRequirement,
} from "../../../src/report/charts/index.ts";
import { erlangNotes } from "../../../src/report/charts/staffing.ts";
import { type FixtureShape, inputOf, ONE_QUEUE, ONE_REPLICATION, TWO_QUEUES } from "./fixtures.ts";
import { isFaceted, marksOf, markType, rowsOf, rowsOfKind, subtitleOf } from "./spec-access.ts";

/** The spec of the chart of that name. */
function specOf(input: ChartInput, name: string) {
  const chart = chartsOf(input).find((candidate) => candidate.name === name);
  if (chart === undefined) throw new Error(`no chart ${name}`);
  return chart.spec;
}

/** A fixture with `count` queues named q1, q2, … */
function withQueues(count: number): FixtureShape {
  return {
    ...TWO_QUEUES,
    queues: Array.from({ length: count }, (_, index) => `q${index + 1}`),
  };
}

describe("small multiples", () => {
  it.each(["service-level", "occupancy", "queue-length"])(
    "%s shows up to three queues in one view, in colours, and more as one row each",
    (name) => {
      for (const count of [1, 2, 3]) {
        expect(isFaceted(specOf(inputOf(withQueues(count)), name)), `${count} queues`).toBe(false);
      }
      const four = specOf(inputOf(withQueues(4)), name);
      expect(isFaceted(four)).toBe(true);
      expect(four).toMatchObject({
        facet: { row: { field: "queue", sort: ["q1", "q2", "q3", "q4"] } },
      });
    },
  );

  it.each(["arrivals", "staffing", "waits"])(
    "%s shows one queue in one view and several as one row each",
    (name) => {
      expect(isFaceted(specOf(inputOf(withQueues(1)), name))).toBe(false);
      expect(isFaceted(specOf(inputOf(withQueues(2)), name))).toBe(true);
    },
  );

  it("waits show all queues first, then each queue", () => {
    const spec = specOf(inputOf(withQueues(3)), "waits");
    expect(spec).toMatchObject({
      facet: { row: { field: "scope", sort: ["all queues", "q1", "q2", "q3"] } },
    });
  });
});

describe("utilization", () => {
  /** A fixture with `registered` workers that have a utilization (plus one per group that never registered). */
  const withWorkers = (registered: number): FixtureShape => ({
    ...ONE_QUEUE,
    workersPerGroup: registered / 2 + 1,
  });

  it("draws a dot per worker up to 60 workers", () => {
    const spec = specOf(inputOf(withWorkers(60)), "utilization");
    expect(isFaceted(spec)).toBe(false);
    expect(marksOf(spec).map(({ mark }) => markType(mark))).toEqual(["rule", "point"]);
    expect(rowsOf(spec)).toHaveLength(60);
  });

  it("draws one histogram per group above 60 workers", () => {
    const spec = specOf(inputOf(withWorkers(62)), "utilization");
    expect(spec).toMatchObject({ facet: { row: { field: "group", sort: ["early", "late"] } } });
    const [bars] = marksOf(spec);
    expect(markType(bars?.mark)).toBe("bar");
    expect(bars?.encoding?.x).toMatchObject({ field: "utilization", bin: { extent: [0, 1] } });
    expect(bars?.encoding?.y).toMatchObject({ aggregate: "count" });
    expect(rowsOf(spec)).toHaveLength(62);
  });

  it("says how many workers never logged in", () => {
    expect(subtitleOf(specOf(inputOf(ONE_QUEUE), "utilization")).join(" ")).toContain(
      "2 workers never logged in",
    );
  });
});

describe("warm-up", () => {
  const perInterval = ["service-level", "arrivals", "staffing", "occupancy", "queue-length"];

  it.each(perInterval)("%s shades the warm-up and says until when", (name) => {
    const spec = specOf(inputOf(ONE_QUEUE), name);
    expect(rowsOfKind(spec, "warmup")).toEqual([
      { kind: "warmup", start: "2026-03-02T08:00:00.000Z", end: "2026-03-02T08:30:00.000Z" },
    ]);
    expect(subtitleOf(spec).join(" ")).toContain("warm-up until 08:30");
  });

  it.each(perInterval)("%s has no warm-up rows or note without a warm-up", (name) => {
    const spec = specOf(inputOf(ONE_REPLICATION), name);
    expect(rowsOfKind(spec, "warmup")).toEqual([]);
    expect(subtitleOf(spec).join(" ")).not.toContain("warm-up");
  });

  it("gives every small multiple its warm-up span", () => {
    const spec = specOf(inputOf({ ...withQueues(2), warmupSeconds: 600 }), "arrivals");
    expect(rowsOfKind(spec, "warmup").map((row) => [row.queue, row.end])).toEqual([
      ["q1", "2026-03-02T08:10:00.000Z"],
      ["q2", "2026-03-02T08:10:00.000Z"],
    ]);
  });
});

describe("arrivals", () => {
  /** The outcomes in the colour key. */
  const outcomesOf = (shape: FixtureShape): unknown =>
    marksOf(specOf(inputOf(shape), "arrivals")).find(({ encoding }) => encoding?.color)?.encoding
      ?.color;

  it("leaves 'not answered otherwise' out when every arrival was answered or abandoned", () => {
    expect(outcomesOf(ONE_QUEUE)).toMatchObject({
      scale: { domain: ["answered within 20 s", "answered later", "abandoned"] },
    });
  });

  it("adds 'not answered otherwise' when some arrivals were neither", () => {
    expect(outcomesOf({ ...ONE_QUEUE, notAnsweredOtherwise: true })).toMatchObject({
      scale: {
        domain: ["answered within 20 s", "answered later", "abandoned", "not answered otherwise"],
      },
    });
  });
});

describe("the service level's subtitle", () => {
  it("names the threshold and the target", () => {
    const subtitle = subtitleOf(specOf(inputOf(ONE_QUEUE), "service-level")).join(" ");
    expect(subtitle).toContain("answered within 20 s");
    expect(subtitle).toContain("80% target");
  });
});

describe("the Erlang requirement", () => {
  const drawn: ErlangRequirement = {
    available: true,
    method: "Erlang C at each interval's offered load.",
    agentsByIntervalStart: new Map([[0, 3]]),
  };
  const impossible: ErlangRequirement = {
    available: false,
    reason: "workers serve two queues.",
  };

  it("is drawn (dashed) and its method told for one queue", () => {
    const spec = specOf(inputOf(ONE_QUEUE), "staffing");
    expect(rowsOfKind(spec, "erlang").length).toBeGreaterThan(0);
    expect(subtitleOf(spec).join(" ")).toContain(
      "Erlang requirement (dashed): Erlang C for 80% within 20 s",
    );
  });

  it("says why not when the scenario allows none, and leaves it out of the key", () => {
    const input: ChartInput = {
      ...inputOf(ONE_QUEUE),
      erlang: new Map([["service", impossible]]),
    };
    const spec = specOf(input, "staffing");
    expect(rowsOfKind(spec, "erlang")).toEqual([]);
    expect(subtitleOf(spec)).toContain("No Erlang requirement: workers serve two queues.");
    expect(JSON.stringify(spec)).not.toContain('"Erlang requirement"');
  });

  it("groups the queues that share a method or a reason", () => {
    const erlang = new Map<string, ErlangRequirement>([
      ["a", drawn],
      ["b", impossible],
      ["c", drawn],
      ["d", impossible],
    ]);
    expect(erlangNotes(erlang, ["a", "b", "c", "d", "e"])).toEqual([
      "Erlang requirement (dashed) for a, c: Erlang C at each interval's offered load.",
      "No Erlang requirement for b, d: workers serve two queues.",
      "No Erlang requirement for e: none was computed.",
    ]);
  });
});

describe("colours", () => {
  /** Each label of a chart's colour key, with its colour. */
  function coloursOf(input: ChartInput, name: string): Map<string, string> {
    const colour = marksOf(specOf(input, name)).find(({ encoding }) => encoding?.color)?.encoding
      ?.color as { scale: { domain: string[]; range: string[] } };
    return new Map(
      colour.scale.domain.map((label, index) => [label, colour.scale.range[index] as string]),
    );
  }

  it("are the same for the same outcome in every chart", () => {
    const input = inputOf(ONE_QUEUE);
    const arrivals = coloursOf(input, "arrivals");
    const waits = coloursOf(input, "waits");
    const offers = coloursOf(input, "offers");
    expect(waits.get("answered within x")).toBe(arrivals.get("answered within 20 s"));
    expect(waits.get("abandoned within x")).toBe(arrivals.get("abandoned"));
    expect(offers.get("accepted")).toBe(arrivals.get("answered within 20 s"));
    // Outcomes that differ look different within a chart.
    for (const colours of [arrivals, waits, offers, coloursOf(input, "staffing")]) {
      expect(new Set(colours.values()).size).toBe(colours.size);
    }
  });
});
