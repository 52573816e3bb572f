/**
 * Changing an existing worker's configuration (the service's upsert of a worker it holds):
 * capacity, queues, channels, labels and tags. The worker keeps its record, index, open offers
 * and assignments; only what the change makes impossible goes:
 *
 * - an open offer no longer fits when the worker leaves its queue or channel, or its new labels
 *   fail the job's selectors: it is revoked (and the job matched again);
 * - if the offers left exceed the new capacity, the newest are revoked until they fit;
 * - assigned jobs are the worker's until closed or unassigned, so a change that would take away
 *   their channel or leave them more than the capacity is refused.
 *
 * The worker leaves the index while it changes and rejoins it afterwards, in the order its new
 * queues keep. Its channels that stay keep their records (offers and assignments point at them)
 * with the new cost and limit; its load is counted again at the new costs, so releasing a job
 * later gives back what it now costs. Memos of which workers a job's selectors admit assume a
 * worker's labels never change (distribution/admission.ts), so a change of labels turns the
 * router's fast lane off for good: the general path asks afresh. Simulations never change a
 * worker, so they keep it.
 */

import type { RouterCore } from "../core.ts";
import { selectorsAdmit } from "../distribution/eligibility.ts";
import { attachWorker, detachWorker } from "../distribution/worker-index.ts";
import { ChannelRecord, type OfferRecord, type WorkerRecord } from "../entities.ts";
import { labelsEqual } from "../labels.ts";
import type { WorkerSpec } from "../types.ts";
import { buildWorker, RouterConfigError } from "./config.ts";

/** The worker's configuration as a spec, `changes` applied over it. */
function changedSpec(worker: WorkerRecord, changes: Partial<WorkerSpec>): WorkerSpec {
  const { Id: _id, ...labels } = worker.labels;
  return {
    id: worker.id,
    capacity: changes.capacity ?? worker.capacity,
    queues: changes.queues ?? worker.queues.map((queue) => queue.id),
    channels:
      changes.channels ??
      worker.channelConfigurations.map((channel) => ({
        channelId: channel.channelId,
        capacityCostPerJob: channel.capacityCostPerJob,
        ...(channel.maxNumberOfJobs === null ? {} : { maxNumberOfJobs: channel.maxNumberOfJobs }),
      })),
    labels: changes.labels ?? labels,
    tags: changes.tags ?? worker.tags,
  };
}

/**
 * Applies `changes` to `worker`; `revoke` takes back an offer (the matcher's revocation, which
 * also asks for the job to be matched again). Throws RouterConfigError, changing nothing, when
 * the configuration is invalid or would strand an assigned job.
 */
export function changeWorker(
  core: RouterCore,
  worker: WorkerRecord,
  changes: Partial<WorkerSpec>,
  revoke: (offer: OfferRecord) => void,
): void {
  const next = buildWorker(changedSpec(worker, changes), worker.index, core.queueById);
  const where = `worker ${worker.id}`;
  let assignedCost = 0;
  for (const assignment of worker.assignments) {
    const channel = next.channel(assignment.channel.channelId);
    if (channel === undefined) {
      throw new RouterConfigError(
        `${where} holds job ${assignment.job.id} on channel ${assignment.channel.channelId}, which the change removes: close or unassign it first`,
      );
    }
    assignedCost += channel.capacityCostPerJob;
  }
  if (assignedCost > next.capacity) {
    throw new RouterConfigError(
      `${where}'s assigned jobs take ${assignedCost} of its capacity, more than the ${next.capacity} asked for: close or unassign some first`,
    );
  }

  // Offers that no longer fit go first, under the configuration they were made in.
  for (const offer of [...worker.openOffers]) {
    const fits =
      next.queues.includes(offer.queue) &&
      next.channel(offer.channel.channelId) !== undefined &&
      (offer.queue.policy.bypassSelectors || selectorsAdmit(offer.job, next));
    if (!fits) revoke(offer);
  }

  detachWorker(worker);
  const labelsChange = !labelsEqual(worker.labels, next.labels);
  const channels = next.channels.map((fresh) => {
    const kept = worker.channel(fresh.channelId) ?? new ChannelRecord(fresh.channelId, 0, 0);
    kept.capacityCostPerJob = fresh.capacityCostPerJob;
    kept.maxNumberOfJobs = fresh.maxNumberOfJobs;
    // Lists of the old queues, resolved again at the next attach.
    kept.workerLists = null;
    kept.onlyList = null;
    kept.waitingJobs = null;
    return kept;
  });
  worker.capacity = next.capacity;
  worker.queues = next.queues;
  worker.channels = Object.freeze(channels);
  worker.labels = next.labels;
  worker.tags = next.tags;
  worker.queueAssignments = next.queueAssignments;
  worker.channelConfigurations = next.channelConfigurations;
  const single = channels.length === 1 && next.queues.length === 1;
  worker.onlyChannel = single ? (channels[0] as ChannelRecord) : null;
  worker.onlyQueue = single ? (next.queues[0] ?? null) : null;
  if (labelsChange) core.fastLane = false;

  // The load at the new costs; offers beyond the new capacity go, newest first.
  const recount = () => {
    worker.usedCapacity = 0;
    for (const channel of channels) {
      worker.usedCapacity += channel.jobCount * channel.capacityCostPerJob;
    }
    worker.loadRatio = worker.usedCapacity / worker.capacity;
  };
  recount();
  while (worker.usedCapacity > worker.capacity && worker.openOffers.length > 0) {
    revoke(worker.openOffers[worker.openOffers.length - 1] as OfferRecord);
    detachWorker(worker);
    recount();
  }
  attachWorker(worker);
}
