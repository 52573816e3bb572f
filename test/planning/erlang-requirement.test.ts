import { describe, expect, it } from "vitest";
import type { IntervalSummaryRow, ReplicationSummary } from "../../src/metrics/types.ts";
import { erlangRequirements, whyErlangDoesNotFit } from "../../src/planning/index.ts";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { erlangCServersFor } from "../../src/theory/index.ts";

const load = (file: string) => loadScenario(`scenarios/${file}`);

/** A summary holding only the interval rows the requirement reads. */
function summaryWith(rows: Partial<IntervalSummaryRow>[]): ReplicationSummary {
  return { intervals: rows } as unknown as ReplicationSummary;
}

describe("whyErlangDoesNotFit", () => {
  it("fits a queue served alone, one job at a time, from Poisson streams", async () => {
    for (const file of ["day-12h.yaml", "voice-50.yaml"]) {
      const scenario = await load(file);
      for (const queue of scenario.queues) {
        expect(whyErlangDoesNotFit(scenario, queue.id), `${file} ${queue.id}`).toBeNull();
      }
    }
  });

  it("says why for shared workers, classification, several jobs at once and non-Poisson arrivals", async () => {
    const day = await load("day-12h.yaml");
    const reasonOf = (change: (scenario: Scenario) => Scenario) =>
      whyErlangDoesNotFit(change(structuredClone(day)), "service");
    expect(
      reasonOf((s) => ({
        ...s,
        workers: s.workers.map((group, index) =>
          index === 1 ? { ...group, queues: ["service", "sales"] } : group,
        ),
      })),
    ).toBe("worker group middle also serves queue sales.");
    expect(
      reasonOf((s) => ({
        ...s,
        workers: s.workers.map((group) => ({ ...group, capacity: 2 })),
      })),
    ).toBe("worker group early can take several voice jobs at once.");
    expect(
      reasonOf((s) => ({
        ...s,
        arrivals: s.arrivals.map((stream) => ({
          ...stream,
          arrival: { kind: "scripted" as const, atSeconds: [1, 2] },
        })),
      })),
    ).toBe("arrival stream call is not Poisson (scripted).");
    expect(reasonOf((s) => ({ ...s, serviceLevelTarget: 1 }))).toMatch(/100%/);
    const multiSkill = await load("multi-skill.yaml");
    for (const queue of multiSkill.queues) {
      expect(whyErlangDoesNotFit(multiSkill, queue.id)).not.toBeNull();
    }
  });
});

describe("erlangRequirements", () => {
  it("staffs each interval's measured load by Erlang C and leaves out intervals without load", async () => {
    const day = await load("day-12h.yaml");
    const rows = [
      {
        queueId: "service",
        intervalStartSeconds: 0,
        intervalEndSeconds: 1800,
        arrivals: 100,
        offeredLoad: 10,
      },
      {
        queueId: "service",
        intervalStartSeconds: 1800,
        intervalEndSeconds: 3600,
        arrivals: 0,
        offeredLoad: 0,
      },
    ];
    const requirement = erlangRequirements(day, summaryWith(rows)).get("service");
    expect(requirement?.available).toBe(true);
    if (requirement?.available !== true) return;
    // 100 arrivals in 30 minutes bringing 10 Erlangs: each occupies a worker 180 s.
    const expected = erlangCServersFor({
      arrivalRate: 100 / 1800,
      serviceRate: 1 / 180,
      serviceLevelThresholdSeconds: day.serviceLevelThresholdSeconds,
      target: day.serviceLevelTarget,
    });
    expect([...requirement.agentsByIntervalStart]).toEqual([[0, expected]]);
    expect(requirement.method).toMatch(/80% within 20 s/);
  });
});
