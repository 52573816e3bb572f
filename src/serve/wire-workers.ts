/**
 * Workers on the wire: a worker's snapshot as GET answers it (its offers and assigned jobs with
 * ISO-8601 times) and PATCH bodies read into an upsert (a new worker's capacity, queues,
 * channels, labels and tags; an existing one's availability).
 */
import type { WorkerView } from "../router/index.ts";
import type { ChannelSpec, WorkerSpec, WorkerUpdate } from "../router/types.ts";
import {
  bodyObject,
  canonicalProperties,
  isoTime,
  type JsonObject,
  mergedLabels,
  optionalBoolean,
  optionalNumber,
  optionalString,
  sameLabels,
  type TimeFormat,
  WireError,
  withoutNulls,
} from "./wire.ts";

/** GET /routing/workers/{id}. */
export function workerJson(time: TimeFormat, worker: WorkerView): JsonObject {
  return {
    id: worker.id,
    state: worker.state,
    queues: worker.queues,
    capacity: worker.capacity,
    labels: worker.labels,
    tags: worker.tags,
    channels: worker.channels.map((channel) =>
      withoutNulls({
        channelId: channel.channelId,
        capacityCostPerJob: channel.capacityCostPerJob,
        maxNumberOfJobs: channel.maxNumberOfJobs,
      }),
    ),
    offers: worker.offers.map((offer) => ({
      offerId: offer.offerId,
      jobId: offer.jobId,
      capacityCost: offer.capacityCost,
      offeredAt: isoTime(time, offer.offeredAtSeconds),
      expiresAt: isoTime(time, offer.expiresAtSeconds),
    })),
    assignedJobs: worker.assignedJobs.map((assigned) => ({
      assignmentId: assigned.assignmentId,
      jobId: assigned.jobId,
      capacityCost: assigned.capacityCost,
      assignedAt: isoTime(time, assigned.assignedAtSeconds),
    })),
    loadRatio: worker.loadRatio,
    availableForOffers: worker.availableForOffers,
  };
}

const WORKER_FIELDS = [
  "capacity",
  "queues",
  "channels",
  "labels",
  "tags",
  "availableForOffers",
  "maxConcurrentOffers",
];

function channelSpecs(value: unknown): ChannelSpec[] {
  if (!Array.isArray(value)) throw new WireError("channels must be an array", "channels");
  return value.map((item, index) => {
    const where = `channels[${index}]`;
    if (typeof item !== "object" || item === null) {
      throw new WireError(`${where} must be an object`, where);
    }
    const channel = canonicalProperties(item as JsonObject, [
      "channelId",
      "capacityCostPerJob",
      "maxNumberOfJobs",
    ]);
    const channelId = optionalString(channel, "channelId");
    const cost = optionalNumber(channel, "capacityCostPerJob");
    if (channelId === undefined) {
      throw new WireError(`${where}.channelId is required`, `${where}.channelId`);
    }
    if (cost === undefined) {
      throw new WireError(`${where}.capacityCostPerJob is required`, `${where}.capacityCostPerJob`);
    }
    const maxNumberOfJobs = optionalNumber(channel, "maxNumberOfJobs");
    return {
      channelId,
      capacityCostPerJob: cost,
      ...(maxNumberOfJobs === undefined ? {} : { maxNumberOfJobs }),
    };
  });
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new WireError(`${field} must be an array of ids`, field);
  }
  return value as string[];
}

/**
 * PATCH /routing/workers/{id} read into an upsert. A new worker needs its capacity, queues and
 * channels. For an existing one the upsert carries only what changes: capacity, queues and
 * channels replace the worker's (arrays replace in a merge-patch; `null` empties them), labels
 * and tags merge; a field sent back as the worker has it is no change.
 */
export function workerSpecOf(
  id: string,
  rawBody: unknown,
  current: WorkerView | undefined,
): WorkerSpec | WorkerUpdate {
  const body = canonicalProperties(bodyObject(rawBody), WORKER_FIELDS);
  const availableForOffers = optionalBoolean(body, "availableForOffers");
  const available = availableForOffers === undefined ? {} : { availableForOffers };
  if (current !== undefined) {
    const changes: Record<string, unknown> = {};
    const differs = (left: unknown, right: unknown) =>
      JSON.stringify(left) !== JSON.stringify(right);
    const capacity = optionalNumber(body, "capacity");
    if (capacity !== undefined && capacity !== current.capacity) changes.capacity = capacity;
    if (body.queues !== undefined) {
      const queues = body.queues === null ? [] : stringList(body.queues, "queues");
      if (differs(queues, current.queues)) changes.queues = queues;
    }
    if (body.channels !== undefined) {
      const channels = body.channels === null ? [] : channelSpecs(body.channels);
      const held = channelSpecs(current.channels.map((channel) => withoutNulls({ ...channel })));
      if (differs(channels, held)) changes.channels = channels;
    }
    const labels = mergedLabels(current.labels, body.labels, "labels");
    if (labels !== undefined && !sameLabels(labels, current.labels)) changes.labels = labels;
    const tags = mergedLabels(current.tags, body.tags, "tags");
    if (tags !== undefined && !sameLabels(tags, current.tags)) changes.tags = tags;
    return { id, ...changes, ...available };
  }
  const capacity = optionalNumber(body, "capacity");
  if (capacity === undefined) throw new WireError("capacity is required", "capacity");
  const labels = mergedLabels({}, body.labels, "labels");
  const tags = mergedLabels({}, body.tags, "tags");
  return {
    id,
    capacity,
    queues: body.queues === undefined ? [] : stringList(body.queues, "queues"),
    channels: body.channels === undefined ? [] : channelSpecs(body.channels),
    ...(labels === undefined ? {} : { labels }),
    ...(tags === undefined ? {} : { tags }),
    ...available,
  };
}
