/**
 * Cross-reference and consistency rules, one scenario edit per case, plus checks that valid
 * contract input is not rejected.
 */
import { describe, expect, it } from "vitest";
import { issueLines, minimalScenario } from "./helpers.ts";

const edit = (from: string, to: string) => minimalScenario().replace(from, to);

describe("rules", () => {
  it("accepts the minimal scenario", () => {
    expect(issueLines(minimalScenario())).toEqual([]);
  });

  it.each([
    [
      "warmup at the horizon",
      minimalScenario("warmup: 1h\n"),
      "warmup: the warmup (3600s) must be shorter",
    ],
    [
      "a zero horizon",
      edit("horizon: 1h", "horizon: 0"),
      "horizon: the horizon must be longer than 0",
    ],
    [
      "both queueId and classificationPolicyId",
      minimalScenario(
        "classificationPolicies: [{ id: classify, fallbackQueueId: queue-1 }]\n",
      ).replace(
        "    queueId: queue-1\n    arrival",
        "    queueId: queue-1\n    classificationPolicyId: classify\n    arrival",
      ),
      "has both a queueId and a classificationPolicyId",
    ],
    [
      "neither queueId nor classificationPolicyId",
      edit("    queueId: queue-1\n", ""),
      "needs a queueId or a classificationPolicyId",
    ],
    [
      "scoringRule on longestIdle",
      edit(
        "mode: { kind: longestIdle }",
        "mode: { kind: longestIdle, scoringRule: { kind: directMap } }",
      ),
      "mode.scoringRule: scoringRule applies only to the bestWorker mode, not longestIdle",
    ],
    [
      "a channel costing more than the capacity",
      edit("capacityCostPerJob: 1", "capacityCostPerJob: 2"),
      "could never be assigned one",
    ],
    [
      "a shift ending before it starts",
      edit(
        "    queues: [queue-1]\n",
        "    queues: [queue-1]\n    shifts: [{ start: 2h, end: 1h }]\n",
      ),
      "workers[0].shifts[0].end: a shift must end after it starts (start 7200s, end 3600s)",
    ],
    [
      "overlapping shifts",
      edit(
        "    queues: [queue-1]\n",
        "    queues: [queue-1]\n    shifts: [{ start: 0, end: 2h }, { start: 1h, end: 3h }]\n",
      ),
      "workers[0].shifts[1].start: this shift overlaps shifts[0]",
    ],
    [
      "an explicit Id label",
      edit("    queues: [queue-1]\n", "    queues: [queue-1]\n    labels: { Id: me }\n"),
      "workers[0].labels.Id: the label Id is set by the service",
    ],
    [
      "a scripted arrival at the horizon",
      edit("{ kind: poisson, ratePerHour: 30 }", "{ kind: scripted, at: [0, 1h] }"),
      "arrivals[0].arrival.at[1]: arrival time 3600s is not before the horizon (3600s)",
    ],
    [
      "interarrival times of zero",
      edit("{ kind: poisson, ratePerHour: 30 }", "{ kind: renewal, interarrival: 0 }"),
      "arrivals[0].arrival.interarrival: interarrival times are always 0",
    ],
    [
      "uniform min above max",
      edit("handleTime: 2m", "handleTime: { kind: uniform, min: 3m, max: 2m }"),
      "arrivals[0].handleTime.min: min must not exceed max",
    ],
    [
      "triangular mode outside its range",
      edit("handleTime: 2m", "handleTime: { kind: triangular, min: 1m, mode: 5m, max: 2m }"),
      "arrivals[0].handleTime.mode: needs min ≤ mode ≤ max",
    ],
    [
      "a fractional erlang k",
      edit("handleTime: 2m", "handleTime: { kind: erlang, k: 1.5, mean: 2m }"),
      "arrivals[0].handleTime.k: expected a whole number, got 1.5",
    ],
    [
      "an empty empirical distribution",
      edit("handleTime: 2m", "handleTime: { kind: empirical, values: [] }"),
      "arrivals[0].handleTime.values: needs at least one value",
    ],
    [
      "an unknown distribution kind",
      edit("handleTime: 2m", "handleTime: { kind: expnential, mean: 2m }"),
      'arrivals[0].handleTime.kind: unknown kind "expnential" (hint: did you mean "exponential"?',
    ],
    [
      "an empty piecewise rate list",
      edit(
        "{ kind: poisson, ratePerHour: 30 }",
        "{ kind: piecewisePoisson, intervalLength: 1h, ratesPerHour: [] }",
      ),
      "ratesPerHour: needs at least one rate",
    ],
    [
      "a duplicate channel",
      edit(
        "channels: [{ channelId: voice, capacityCostPerJob: 1 }]",
        "channels: [{ channelId: voice, capacityCostPerJob: 1 }, { channelId: voice, capacityCostPerJob: 1 }]",
      ),
      'workers[0].channels[1].channelId: channel "voice" is already configured in channels[0]',
    ],
    [
      "a non-UTC start time",
      minimalScenario('startTime: "2026-01-01T00:00:00+01:00"\n'),
      'startTime: expected an ISO-8601 UTC time such as "2026-01-01T00:00:00Z"',
    ],
  ])("reports %s", (_, text, expected) => {
    const lines = issueLines(text);
    expect(lines.length, lines.join("\n")).toBe(1);
    expect(lines[0]).toContain(expected);
  });

  it("reports problems from the schema and from the rules together", () => {
    const text = edit("distributionPolicyId: policy", "distributionPolicyId: nowhere").replace(
      "ratePerHour: 30",
      "ratePerHour: -1",
    );
    const lines = issueLines(text);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      'queues[0].distributionPolicyId: unknown distribution policy "nowhere"',
    );
    expect(lines[1]).toContain(
      "arrivals[0].arrival.ratePerHour: a rate cannot be negative, got -1",
    );
  });

  it("does not report a reference to a resource that is itself invalid", () => {
    const text = edit("offerExpiresAfterSeconds: 60", "offerExpiresAfterSeconds: -60");
    const lines = issueLines(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("distributionPolicies[0].offerExpiresAfterSeconds");
  });

  it("finds the trace time column, suggests a near one, and never lists the header", () => {
    const trace = (column: string) =>
      edit(
        "{ kind: poisson, ratePerHour: 30 }",
        `{ kind: trace, file: ../fixtures/valid/trace.csv, timeColumn: ${column} }`,
      );
    expect(issueLines(trace("arrivedAt"), "test/scenario/x.yaml")).toEqual([]);
    const [near] = issueLines(trace("arrived"), "test/scenario/x.yaml");
    expect(near).toContain('the first line of the trace file has no column "arrived"');
    expect(near).toContain('did you mean "arrivedAt"?');
    // A name far from every column gets no suggestion: the header is not echoed (the file may
    // be anything, e.g. /etc/passwd).
    const [far] = issueLines(trace("seconds"), "test/scenario/x.yaml");
    expect(far).toContain("(2 found)");
    expect(far).not.toMatch(/arrivedAt|Tier/);
  });

  it("accepts valid contract input it might be tempted to reject", () => {
    const text = minimalScenario(
      [
        "classificationPolicies: []",
        "exceptionPolicies: []",
        "seed: -7",
        "drain: 0",
        "serviceLevelThreshold: 0",
        "$schema: ./ccsim.schema.json",
        "",
      ].join("\n"),
    )
      .replace(
        "workers:\n",
        "workers:\n  - id: chat-only\n    capacity: 3\n    queues: []\n    channels: [{ channelId: chat, capacityCostPerJob: 1 }]\n",
      )
      .replace("ratePerHour: 30", "ratePerHour: 0")
      .replace(
        "handleTime: 2m",
        "handleTime: 2m\n    priority: -100\n    patience: { kind: normal, mean: 0, sd: 0 }",
      );
    expect(issueLines(text)).toEqual([]);
  });
});
