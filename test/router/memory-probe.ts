/**
 * Child-process probe for the router memory test (run with --expose-gc): pushes the job count
 * given as the first argument through a router alone (one worker, one job at a time: create,
 * offer, then every fifth job a decline with a retry timer and a cancel, the others accept,
 * complete and close), collects garbage while the router is alive and prints the heap in use
 * and the router's live job and slot counts as JSON.
 */
import { Engine } from "../../src/engine/engine.ts";
import { Router } from "../../src/router/router.ts";

const jobCount = Number(process.argv[2]);
const engine = new Engine();
const router = new Router(engine, {
  distributionPolicies: [{ id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } }],
  queues: [{ id: "q", distributionPolicyId: "p" }],
  workers: [
    {
      id: "w",
      capacity: 1,
      queues: ["q"],
      channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
      availableForOffers: true,
    },
  ],
});
let lastOfferId = "";
router.subscribe((event) => {
  if (event.type === "RouterWorkerOfferIssued") lastOfferId = event.offerId;
});
function must<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}
for (let n = 0; n < jobCount; n++) {
  const jobId = `job-${n}`;
  must(router.upsertJob({ id: jobId, channelId: "voice", queueId: "q" }));
  if (n % 5 === 0) {
    must(router.declineJobOffer("w", lastOfferId, { retryOfferAtSeconds: engine.now + 2 }));
    must(router.cancelJob(jobId));
  } else {
    const accepted = router.acceptJobOffer("w", lastOfferId);
    if (!accepted.ok) throw new Error(accepted.error.message);
    must(router.completeJob(jobId, accepted.value.assignmentId));
    must(router.closeJob(jobId, accepted.value.assignmentId));
  }
  engine.runUntil(engine.now + 1);
}
engine.runUntil(engine.now + 10);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
process.stdout.write(
  `${JSON.stringify({
    heapUsedBytes: process.memoryUsage().heapUsed,
    liveJobCount: router.core.liveJobCount,
    jobSlotCount: router.core.jobSlotCount,
    rememberedOfferCount: router.core.rememberedOfferCount,
    pendingEvents: engine.pendingCount,
  })}\n`,
);
