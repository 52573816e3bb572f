/**
 * The time axes read the same in every time zone: the charts are rendered (Vega, no canvas)
 * with the process in three zones, and the text they draw must be the same, clock times from
 * `startTime` in UTC ("08:00"). Text only: SVG ids come from a process-wide counter.
 */

import { parse, View } from "vega";
import { afterAll, describe, expect, it } from "vitest";
import { chartsOf } from "../../../src/report/charts/index.ts";
import { FOUR_QUEUES, inputOf, ONE_QUEUE } from "./fixtures.ts";
import { compileLogged } from "./spec-access.ts";

const ZONES = ["UTC", "America/New_York", "Asia/Kathmandu"];
const zoneBefore = process.env.TZ;

/** The text of every <text> element of a chart rendered as SVG. */
async function drawnText(spec: Parameters<typeof compileLogged>[0]): Promise<string[]> {
  const view = new View(parse(compileLogged(spec).vega), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] as string);
  } finally {
    view.finalize();
  }
}

describe.each([
  ["one queue", ONE_QUEUE],
  ["four queues", FOUR_QUEUES],
])("the charts of %s", (_name, shape) => {
  afterAll(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it("draw the same text in every time zone, with clock times in UTC", async () => {
    const textByZone: string[][][] = [];
    for (const zone of ZONES) {
      process.env.TZ = zone;
      // The zone took effect: 08:00 UTC is not 08:00 local time except in UTC.
      expect(new Date("2026-03-02T08:00:00Z").getHours() === 8).toBe(zone === "UTC");
      const charts = chartsOf(inputOf(shape));
      textByZone.push(await Promise.all(charts.map((chart) => drawnText(chart.spec))));
    }
    const [inUtc, ...elsewhere] = textByZone;
    for (const texts of elsewhere) expect(texts).toEqual(inUtc);
    const serviceLevelText = inUtc?.[1] ?? [];
    expect(serviceLevelText).toContain("08:00");
    expect(serviceLevelText).toContain("11:00");
  });
});
