import { describe, expect, it } from "vitest";
import { erlangC, erlangCServersFor } from "../../src/theory/index.ts";

describe("erlangCServersFor", () => {
  it("answers the textbook case: 100 calls in 30 minutes, 3-minute calls, 80% in 20 s → 14", () => {
    // A = 100 × 180 / 1800 = 10 Erlangs; 13 agents give 79.6%, 14 give 88.8%.
    const goal = {
      arrivalRate: 100 / 1800,
      serviceRate: 1 / 180,
      serviceLevelThresholdSeconds: 20,
      target: 0.8,
    };
    expect(erlangCServersFor(goal)).toBe(14);
  });

  it("is the smallest count meeting the target, over a range of loads and targets", () => {
    for (const load of [0.3, 1, 4.5, 27, 180]) {
      for (const target of [0.5, 0.8, 0.95]) {
        const goal = {
          arrivalRate: load / 240,
          serviceRate: 1 / 240,
          serviceLevelThresholdSeconds: 20,
          target,
        };
        const servers = erlangCServersFor(goal);
        const levelAt = (count: number) => erlangC({ ...goal, servers: count }).serviceLevel;
        expect(levelAt(servers)).toBeGreaterThanOrEqual(target);
        if (servers - 1 > load) expect(levelAt(servers - 1)).toBeLessThan(target);
        expect(servers).toBeGreaterThan(load);
      }
    }
  });

  it("needs nobody without load and refuses targets outside (0, 1)", () => {
    const goal = { arrivalRate: 0, serviceRate: 1 / 60, serviceLevelThresholdSeconds: 20 };
    expect(erlangCServersFor({ ...goal, target: 0.8 })).toBe(0);
    expect(() => erlangCServersFor({ ...goal, target: 1 })).toThrow(RangeError);
    expect(() => erlangCServersFor({ ...goal, target: 0 })).toThrow(RangeError);
  });
});
