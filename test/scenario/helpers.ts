/**
 * Test helpers for scenario tests: a small valid scenario as YAML text that tests extend or
 * edit, and a checker that returns the formatted issue lines of a text.
 */
import { formatIssue } from "../../src/errors.ts";
import { checkScenarioText } from "../../src/scenario/index.ts";

/** A minimal valid scenario; `extra` is appended verbatim (YAML) at the top level. */
export function minimalScenario(extra = ""): string {
  return `horizon: 1h
distributionPolicies:
  - id: policy
    offerExpiresAfterSeconds: 60
    mode: { kind: longestIdle }
queues:
  - id: queue-1
    distributionPolicyId: policy
workers:
  - id: agent
    capacity: 1
    queues: [queue-1]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
arrivals:
  - id: calls
    channelId: voice
    queueId: queue-1
    arrival: { kind: poisson, ratePerHour: 30 }
    handleTime: 2m
${extra}`;
}

/** The formatted issue lines for `text` (empty when the scenario is valid). */
export function issueLines(text: string, fileName = "test.yaml"): string[] {
  const check = checkScenarioText(text, fileName);
  return check.ok ? [] : check.issues.map(formatIssue);
}
