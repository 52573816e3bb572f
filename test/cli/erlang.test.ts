/**
 * `ccsim erlang` as users run it: the textbook case answers 14 agents (text and JSON), a
 * target out of reach within --max exits 1 with the best value, and bad input is exit 2 with
 * one line per problem and no stack trace.
 */
import { describe, expect, it } from "vitest";
import { erlangC } from "../../src/theory/index.ts";
import { ccsimAsync, STACK_LINE } from "../support/ccsim-process.ts";

const TEXTBOOK = ["erlang", "--rate-per-hour", "200", "--handle-time", "3m"];

describe("ccsim erlang", () => {
  it("answers the textbook case, 80% within 20 s → 14 agents, in text and JSON; --max out of reach → exit 1", async () => {
    const [text, json, outOfReach] = await Promise.all([
      ccsimAsync(...TEXTBOOK, "--target", "serviceLevel>=0.8"),
      ccsimAsync(
        "erlang",
        "--calls-per-hour",
        "200",
        "--handle-time",
        "180",
        "--agents",
        "13,14",
        "--format",
        "json",
      ),
      ccsimAsync(...TEXTBOOK, "--target", "serviceLevel>=0.99", "--max", "15"),
    ]);
    const level14 = erlangC({
      arrivalRate: 200 / 3600,
      serviceRate: 1 / 180,
      servers: 14,
      serviceLevelThresholdSeconds: 20,
    }).serviceLevel;
    expect(text).toMatchObject({ status: 0, stderr: "" });
    expect(text.stdout).toContain(
      "Offered load 10 Erlangs: 200 calls/hour × 180 s mean handle time.",
    );
    expect(text.stdout).toMatch(
      new RegExp(`serviceLevel >= 0\\.8 +14 \\(${(level14 * 100).toFixed(1)}%\\)`),
    );

    expect(json).toMatchObject({ status: 0, stderr: "" });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.rows.map((row: { agents: number }) => row.agents)).toEqual([13, 14]);
    expect(parsed.rows[1].erlangC.serviceLevel).toBeCloseTo(level14, 6);

    expect(outOfReach.status).toBe(1);
    expect(outOfReach.stdout).toContain("none ≤ 15 (best ");
  }, 120_000);

  it("refuses bad input with one line per problem, exit 2, no stack trace", async () => {
    const outcomes = await Promise.all([
      ccsimAsync(
        "erlang",
        "--handle-time",
        "-5s",
        "--agents",
        "14",
        "--target",
        "serviceLevel=0.8",
      ),
      ccsimAsync(...TEXTBOOK, "--agents", "8..12"),
      ccsimAsync(...TEXTBOOK, "--agents", "14", "--shifts", "2"),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe(2);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).not.toMatch(STACK_LINE);
    }
    expect(outcomes[0]?.stderr.split("\n").filter((line) => line.startsWith("ccsim: "))).toEqual([
      "ccsim: give the arrival rate: --rate-per-hour <calls per hour> (e.g. 200)",
      "ccsim: --handle-time must be a positive duration, got -5s",
      'ccsim: --target "serviceLevel=0.8": "=" is not a comparison a target can make: did you mean >= or <=?',
    ]);
    expect(outcomes[1]?.stderr).toContain(
      "8, 9 and 10 agents cannot keep up with 10 Erlangs of load (200 calls/hour × 180 s)",
    );
    expect(outcomes[1]?.stderr).toContain("it needs at least 11 agents");
    expect(outcomes[2]?.stderr).toMatch(/^ccsim: unknown option --shifts$/m);
  }, 120_000);
});
