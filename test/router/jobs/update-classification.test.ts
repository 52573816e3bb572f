/**
 * An update of a queued job with a classification policy classifies it again (its
 * prioritization rule and selector attachments apply once more), as the service's recordings
 * show; an update naming another classification policy classifies it by that one, while the
 * job waits; a job that no longer waits keeps its policy.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../../src/router/index.ts";
import type { RouterConfig } from "../../../src/router/types.ts";
import { harness, unwrap } from "../helpers.ts";

function config(): RouterConfig {
  return {
    distributionPolicies: [
      { id: "idle", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
    ],
    queues: [
      { id: "general", distributionPolicyId: "idle" },
      { id: "vip", distributionPolicyId: "idle" },
    ],
    classificationPolicies: [
      {
        id: "tenfold",
        fallbackQueueId: "general",
        prioritizationRule: { kind: "static", value: 10 },
      },
      {
        id: "to-vip",
        queueSelectorAttachments: [
          { kind: "static", selector: { key: "Id", labelOperator: "equal", value: "vip" } },
        ],
        prioritizationRule: { kind: "static", value: 50 },
      },
    ],
    retainEndedJobs: true,
  };
}

describe("updating a job with a classification policy", () => {
  it("classifies it again: its policy sets the priority once more", () => {
    const { router } = harness(config());
    unwrap(router.upsertJob({ id: "call", channelId: "voice", classificationPolicyId: "tenfold" }));
    expect(router.getJob("call")).toMatchObject({ queueId: "general", priority: 10 });
    unwrap(router.upsertJob({ id: "call", priority: 1, tags: { note: "callback" } }));
    expect(router.getJob("call")).toMatchObject({
      status: "queued",
      priority: 10,
      tags: { note: "callback" },
    });
    expect(checkInvariants(router)).toEqual([]);
  });

  it("naming another policy classifies it by that one while it waits", () => {
    const { router } = harness(config());
    unwrap(router.upsertJob({ id: "call", channelId: "voice", classificationPolicyId: "tenfold" }));
    unwrap(router.upsertJob({ id: "call", classificationPolicyId: "to-vip" }));
    expect(router.getJob("call")).toMatchObject({
      classificationPolicyId: "to-vip",
      queueId: "vip",
      priority: 50,
    });
    unwrap(router.cancelJob("call"));
    const ended = router.upsertJob({ id: "call", classificationPolicyId: "tenfold" });
    expect(ended.ok).toBe(false);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("leaves a job without a policy as it is updated", () => {
    const { router } = harness(config());
    unwrap(router.upsertJob({ id: "direct", channelId: "voice", queueId: "general", priority: 3 }));
    unwrap(router.upsertJob({ id: "direct", priority: 4 }));
    expect(router.getJob("direct")).toMatchObject({ queueId: "general", priority: 4 });
  });
});
