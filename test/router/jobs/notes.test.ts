/**
 * Notes and a disposition code given on a job's upsert (the service's upsert takes both): set
 * before the job is queued, so a job that ends within its own creation (an exception rule on
 * entry) keeps them in the snapshot kept after it ended; an update replaces the notes.
 */
import { describe, expect, it } from "vitest";
import { harness, unwrap } from "../helpers.ts";

describe("notes and disposition codes on upsert", () => {
  it("are kept by a job that ends as it is created, and replaced by an update", () => {
    const { router } = harness({
      distributionPolicies: [
        { id: "idle", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
      ],
      queues: [
        { id: "open", distributionPolicyId: "idle" },
        { id: "full", distributionPolicyId: "idle", exceptionPolicyId: "turn-away" },
      ],
      exceptionPolicies: [
        {
          id: "turn-away",
          exceptionRules: [
            {
              id: "no-room",
              trigger: { kind: "queueLength", threshold: 0 },
              actions: [{ kind: "cancel" }],
            },
          ],
        },
      ],
      retainEndedJobs: true,
    });
    const note = { message: "from the IVR", addedAtSeconds: 0 };
    unwrap(router.upsertJob({ id: "turned", channelId: "voice", queueId: "full", notes: [note] }));
    expect(router.getJob("turned")).toMatchObject({ status: "cancelled", notes: [note] });

    unwrap(
      router.upsertJob({
        id: "kept",
        channelId: "voice",
        queueId: "open",
        notes: [note],
        dispositionCode: "code1",
      }),
    );
    const callback = { message: "called back", addedAtSeconds: 0 };
    unwrap(router.upsertJob({ id: "kept", notes: [callback] }));
    expect(router.getJob("kept")).toMatchObject({ notes: [callback], dispositionCode: "code1" });
  });
});
