/**
 * Worker-side matching over waiting groups (one per selector profile) picks exactly the job a
 * scan of the whole queue would: the first in queue order (§8 a) whose selectors the freed
 * worker satisfies. Random backlogs of jobs with mixed selectors and priorities; the expected
 * job is computed here from the rule, not from the router.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LabelOperator } from "../../src/router/types.ts";
import { assertProperty } from "../support/property.ts";
import { harness, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

const selectorArbitrary = fc.record({
  key: fc.constantFrom("skill", "language"),
  labelOperator: fc.constantFrom<LabelOperator>("equal", "notEqual"),
  value: fc.constantFrom("a", "b"),
});

const jobArbitrary = fc.record({
  priority: fc.integer({ min: 0, max: 2 }),
  selectors: fc.array(selectorArbitrary, { maxLength: 2 }),
});

type Selector = { key: string; labelOperator: LabelOperator; value: string };

function admits(selectors: readonly Selector[], labels: Record<string, string>): boolean {
  return selectors.every((selector) => {
    const label = labels[selector.key];
    return selector.labelOperator === "equal" ? label === selector.value : label !== selector.value;
  });
}

describe("waiting groups", () => {
  it("give a freed worker the first job in queue order that it can take", () => {
    assertProperty(
      fc.property(
        fc.array(jobArbitrary, { minLength: 1, maxLength: 40 }),
        fc.record({ skill: fc.constantFrom("a", "b"), language: fc.constantFrom("a", "b") }),
        (jobs, labels) => {
          const h = harness(singleQueue({ kind: "longestIdle" }, []));
          jobs.forEach((job, index) => {
            h.engine.runUntil(index);
            unwrap(
              h.router.upsertJob({
                id: `job-${index}`,
                channelId: "voice",
                queueId: "q",
                priority: job.priority,
                requestedWorkerSelectors: job.selectors,
              }),
            );
          });
          // Queue order: higher priority first, then earlier enqueue (all distinct here).
          const expected = jobs
            .map((job, index) => ({ ...job, index }))
            .filter((job) => admits(job.selectors, labels))
            .sort((left, right) => right.priority - left.priority || left.index - right.index)[0];
          unwrap(h.router.upsertWorker(voiceWorker("agent", { labels })));
          const offered = h.router.getWorker("agent")?.offers.map((offer) => offer.jobId) ?? [];
          expect(offered).toEqual(expected === undefined ? [] : [`job-${expected.index}`]);
        },
      ),
      { seed: 1203, numRuns: 300 },
    );
  });
});
