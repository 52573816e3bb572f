/**
 * What `ccsim sweep` plans from its --set options: swept fields (several values) and fixed ones
 * (one value, applied to every point first), one variant per grid point whose overrides carry
 * the --set as typed (so a bad path is reported once, not once per point), seed and
 * replications refused as swept fields.
 */
import { describe, expect, it } from "vitest";
import { planSweep } from "../../src/cli/sweep/sweep-plan.ts";
import { UsageError } from "../../src/errors.ts";

const FILE = "scenarios/voice-50.yaml";

describe("planSweep", () => {
  it("makes one variant per point, fixed overrides first, each override quoting its --set", () => {
    const plan = planSweep(FILE, [
      "workers[agent].count=46..48..2",
      "horizon=2h",
      "arrivals[call].arrival.ratePerHour=850,950",
    ]);
    expect(plan.fields.map((field) => field.name)).toEqual([
      "workers[agent].count",
      "arrivals[call].arrival.ratePerHour",
    ]);
    expect(plan.fixed.map((one) => one.text)).toEqual(["horizon=2h"]);
    expect(plan.variants.kind).toBe("overrides");
    const variants = plan.variants.variants;
    expect(variants.map((variant) => variant.name)).toEqual([
      "workers[agent].count=46, arrivals[call].arrival.ratePerHour=850",
      "workers[agent].count=46, arrivals[call].arrival.ratePerHour=950",
      "workers[agent].count=48, arrivals[call].arrival.ratePerHour=850",
      "workers[agent].count=48, arrivals[call].arrival.ratePerHour=950",
    ]);
    expect(variants[3]?.overrides).toEqual([
      { text: "horizon=2h", path: ["horizon"], value: "2h" },
      {
        text: "workers[agent].count=46..48..2",
        path: ["workers", { id: "agent" }, "count"],
        value: 48,
      },
      {
        text: "arrivals[call].arrival.ratePerHour=850,950",
        path: ["arrivals", { id: "call" }, "arrival", "ratePerHour"],
        value: 950,
      },
    ]);
    for (const variant of variants) expect(variant.file).toBe(FILE);
  });

  it("refuses to sweep the seed or the replications, but lets them be fixed", () => {
    expect(() => planSweep(FILE, "seed=1,2")).toThrow(UsageError);
    expect(() => planSweep(FILE, ["replications=2..4"])).toThrow(/--replications/);
    const plan = planSweep(FILE, ["seed=3", "workers[agent].count=1,2"]);
    expect(plan.fixed.map((one) => one.text)).toEqual(["seed=3"]);
  });

  it("needs a swept field", () => {
    expect(() => planSweep(FILE, undefined)).toThrow(/sweep needs a --set with several values/);
    expect(() => planSweep(FILE, "horizon=2h")).toThrow(/sweep needs a --set with several values/);
  });
});
