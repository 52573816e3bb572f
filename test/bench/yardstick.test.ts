/**
 * The yardstick loop simulates the M/M/c queue it claims to: over independent replications with
 * fixed seeds, its mean wait, probability of waiting and service level (which depends on FIFO
 * order) fall within 99% confidence intervals of Erlang C. Nothing here is timed.
 */
import { describe, expect, it } from "vitest";
import {
  type MmcModel,
  type MmcOutcome,
  PERF_MM50,
  runMmcLoop,
  uniformSource,
} from "../../bench/yardstick/mm-loop.ts";
import { erlangC } from "../../src/theory/index.ts";

/** Student's t at 0.995 with 19 degrees of freedom: a two-sided 99% interval of 20 means. */
const T_99_19 = 2.861;
const REPLICATIONS = 20;

function interval(values: readonly number[]): { mean: number; halfWidth: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance =
    values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, halfWidth: (T_99_19 * Math.sqrt(variance)) / Math.sqrt(values.length) };
}

function checkAgainstErlangC(model: Omit<MmcModel, "seed">): void {
  const outcomes = Array.from({ length: REPLICATIONS }, (_, index) =>
    runMmcLoop({ ...model, seed: 1000 + index }),
  );
  for (const outcome of outcomes) {
    expect(outcome.served).toBe(model.jobs);
    expect(outcome.measured).toBe(model.jobs - (model.warmupJobs ?? 0));
  }
  const theory = erlangC({
    arrivalRate: model.arrivalRatePerSecond,
    serviceRate: 1 / model.meanServiceSeconds,
    servers: model.servers,
    serviceLevelThresholdSeconds: model.serviceLevelThresholdSeconds ?? 20,
  });
  const checks = [
    ["mean wait", outcomes.map((o) => o.meanWaitSeconds), theory.meanWaitSeconds],
    ["probability of wait", outcomes.map((o) => o.probabilityOfWait), theory.probabilityOfWait],
    ["service level", outcomes.map((o) => o.serviceLevel), theory.serviceLevel],
  ] as const;
  for (const [name, values, expected] of checks) {
    const { mean, halfWidth } = interval(values);
    expect(
      Math.abs(mean - expected),
      `${name}: ${mean} ± ${halfWidth} (99%) against Erlang C's ${expected}`,
    ).toBeLessThanOrEqual(halfWidth);
  }
}

describe("the yardstick loop", () => {
  it("matches Erlang C on perf-mm50's model (M/M/50 at 90% load)", () => {
    checkAgainstErlangC({ ...PERF_MM50, jobs: 60_000, warmupJobs: 5_000 });
  });

  it("matches Erlang C on a small, lightly loaded queue (M/M/3 at 70%)", () => {
    checkAgainstErlangC({
      servers: 3,
      arrivalRatePerSecond: 2.1 / 60,
      meanServiceSeconds: 60,
      serviceLevelThresholdSeconds: 30,
      jobs: 30_000,
      warmupJobs: 1_000,
    });
  });

  it("is reproducible: the same seed gives the same run, another seed another", () => {
    const model = { ...PERF_MM50, jobs: 5_000 };
    expect(runMmcLoop({ ...model, seed: 7 })).toEqual(runMmcLoop({ ...model, seed: 7 }));
    expect(runMmcLoop({ ...model, seed: 8 }).endSeconds).not.toBe(
      runMmcLoop({ ...model, seed: 7 }).endSeconds,
    );
  });

  it("runs exactly as a plain-array reference loop, also when its queue ring grows", () => {
    // 3,000 arrivals a second on 50 servers: thousands wait at once, so the ring grows several
    // times; the typed-array heap and ring must still take the same draws in the same order.
    const overloaded = { servers: 50, arrivalRatePerSecond: 3_000, meanServiceSeconds: 1, seed: 3 };
    for (const model of [
      { ...overloaded, jobs: 20_000, warmupJobs: 100 },
      { ...PERF_MM50, jobs: 20_000, warmupJobs: 1_000, seed: 4 },
    ]) {
      expect(runMmcLoop(model)).toEqual(referenceLoop(model));
    }
  });
});

/**
 * The same model written the obvious way (arrays, a linear scan for the next event, `shift`
 * for the queue), drawing the same random numbers in the same order.
 */
function referenceLoop(model: MmcModel): MmcOutcome {
  const uniform = uniformSource(model.seed);
  const threshold = model.serviceLevelThresholdSeconds ?? 20;
  const warmupJobs = model.warmupJobs ?? 0;
  const events: { time: number; job: number }[] = []; // job −1: the next arrival
  const queue: { time: number; job: number }[] = [];
  let idle = model.servers;
  let arrived = 0;
  let served = 0;
  let measured = 0;
  let waited = 0;
  let waitSum = 0;
  let within = 0;
  let now = 0;
  const start = (job: number, arrivalTime: number) => {
    if (job >= warmupJobs) {
      measured++;
      const wait = now - arrivalTime;
      if (wait > 0) {
        waited++;
        waitSum += wait;
      }
      if (wait <= threshold) within++;
    }
    events.push({ time: now - Math.log(uniform()) * model.meanServiceSeconds, job });
  };
  events.push({ time: -Math.log(uniform()) / model.arrivalRatePerSecond, job: -1 });
  while (events.length > 0) {
    let next = 0;
    for (let i = 1; i < events.length; i++) {
      if ((events[i]?.time as number) < (events[next]?.time as number)) next = i;
    }
    const [event] = events.splice(next, 1) as [{ time: number; job: number }];
    now = event.time;
    if (event.job === -1) {
      const job = arrived++;
      if (arrived < model.jobs) {
        events.push({ time: now - Math.log(uniform()) / model.arrivalRatePerSecond, job: -1 });
      }
      if (idle > 0) {
        idle--;
        start(job, now);
      } else {
        queue.push({ time: now, job });
      }
    } else {
      served++;
      const waiting = queue.shift();
      if (waiting === undefined) idle++;
      else start(waiting.job, waiting.time);
    }
  }
  return {
    served,
    measured,
    meanWaitSeconds: measured === 0 ? 0 : waitSum / measured,
    probabilityOfWait: measured === 0 ? 0 : waited / measured,
    serviceLevel: measured === 0 ? 0 : within / measured,
    endSeconds: now,
  };
}
