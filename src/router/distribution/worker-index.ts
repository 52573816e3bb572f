/**
 * The index of workers that can take one more job: for each queue and channel, the active
 * workers of that queue whose free capacity fits the channel's cost and whose channel is below
 * `maxNumberOfJobs`, in the index order the queue's mode declares (`indexOrder`: idleness or
 * id). Choosing a worker therefore never scans busy workers.
 * Each load change detaches and re-attaches the worker: O(Q·C·(R + 1)·(log n + memmove)) for a
 * worker in Q queues with C channels and R best-worker rankings per list (worker-ranking.ts).
 * Load, idle-since and state change only between detach and attach.
 */

import { SortedList } from "../../collections/sorted-list.ts";
import { compareCodePoints } from "../code-point.ts";
import type { ChannelRecord, QueueRecord, WorkerRecord } from "../entities.ts";
import type { IndexOrder } from "./modes/index.ts";
import { compareWorkersByIdleness } from "./worker-order.ts";
import { rankWorker } from "./worker-ranking.ts";

/** Id in code-point order (§8 h, p). */
function compareWorkersById(left: WorkerRecord, right: WorkerRecord): number {
  return compareCodePoints(left.id, right.id);
}

/** The comparator of each index order a mode may declare (one entry per order). */
const INDEX_COMPARATORS: Readonly<
  Record<IndexOrder, (left: WorkerRecord, right: WorkerRecord) => number>
> = {
  idleness: compareWorkersByIdleness,
  id: compareWorkersById,
};

/** Whether the worker can take one more job on this channel right now. */
export function fitsChannel(worker: WorkerRecord, channel: ChannelRecord): boolean {
  return (
    worker.state === "active" &&
    worker.usedCapacity + channel.capacityCostPerJob <= worker.capacity &&
    channel.jobCount < channel.maxNumberOfJobs
  );
}

/** The worker list of a queue for a channel, created on first use. */
export function workerList(queue: QueueRecord, channelId: string): SortedList<WorkerRecord> {
  let list = queue.workersByChannel.get(channelId);
  if (list === undefined) {
    list = new SortedList(INDEX_COMPARATORS[queue.policy.mode.indexOrder]);
    queue.workersByChannel.set(channelId, list);
  }
  return list;
}

/** Removes the worker from every list it is in. */
export function detachWorker(worker: WorkerRecord): void {
  const only = worker.onlyChannel;
  if (only !== null) {
    // One queue, one channel: the loop below, without reading the worker's arrays.
    if (!only.indexed) return;
    const queue = worker.onlyQueue as QueueRecord;
    (only.onlyList as SortedList<WorkerRecord>).remove(worker);
    if (queue.rankingsByChannel.size > 0) rankWorker(queue, only.channelId, worker, false);
    only.indexed = false;
    return;
  }
  // Indexed loops: the worker's arrays are frozen, and for…of over a frozen array allocates.
  const channels = worker.channels;
  const queues = worker.queues;
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c] as ChannelRecord;
    if (!channel.indexed) continue;
    // Indexed implies attached before, so the lists are resolved.
    const lists = channel.workerLists as readonly SortedList<WorkerRecord>[];
    for (let q = 0; q < queues.length; q++) {
      const queue = queues[q] as QueueRecord;
      (lists[q] as SortedList<WorkerRecord>).remove(worker);
      if (queue.rankingsByChannel.size > 0) rankWorker(queue, channel.channelId, worker, false);
    }
    channel.indexed = false;
  }
}

/** Adds the worker to the lists of every channel it fits now. */
export function attachWorker(worker: WorkerRecord): void {
  const only = worker.onlyChannel;
  if (only !== null) {
    // One queue, one channel: the loop below, without reading the worker's arrays.
    if (only.indexed || !fitsChannel(worker, only)) return;
    const queue = worker.onlyQueue as QueueRecord;
    let list = only.onlyList;
    if (list === null) {
      list = workerList(queue, only.channelId);
      only.onlyList = list;
    }
    list.insert(worker);
    if (queue.rankingsByChannel.size > 0) rankWorker(queue, only.channelId, worker, true);
    only.indexed = true;
    return;
  }
  const channels = worker.channels;
  const queues = worker.queues;
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c] as ChannelRecord;
    if (channel.indexed || !fitsChannel(worker, channel)) continue;
    let lists = channel.workerLists;
    if (lists === null) {
      lists = queues.map((queue) => workerList(queue, channel.channelId));
      channel.workerLists = lists;
    }
    for (let q = 0; q < queues.length; q++) {
      const queue = queues[q] as QueueRecord;
      (lists[q] as SortedList<WorkerRecord>).insert(worker);
      if (queue.rankingsByChannel.size > 0) rankWorker(queue, channel.channelId, worker, true);
    }
    channel.indexed = true;
  }
}
