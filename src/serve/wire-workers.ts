/**
 * Workers on the wire: a worker's snapshot as GET answers it (its offers and assigned jobs with
 * ISO-8601 times) and PATCH bodies read into an upsert (a new worker's capacity, queues,
 * channels, labels and tags; an existing one's availability).
 */
import type { WorkerView } from "../router/index.ts";
import type { ChannelSpec, WorkerSpec } from "../router/types.ts";
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
 * channels; an existing one may so far change only `availableForOffers` (the router's limit,
 * docs/serve.md): other fields equal to the worker's current values are accepted as no change.
 */
export function workerSpecOf(
  id: string,
  rawBody: unknown,
  current: WorkerView | undefined,
): WorkerSpec {
  const body = canonicalProperties(bodyObject(rawBody), WORKER_FIELDS);
  const availableForOffers = optionalBoolean(body, "availableForOffers");
  if (current !== undefined) {
    const unchanged = (field: string, now: unknown) =>
      body[field] === undefined || JSON.stringify(body[field]) === JSON.stringify(now);
    const changed = [
      unchanged("capacity", current.capacity) ? null : "capacity",
      unchanged("queues", current.queues) ? null : "queues",
      body.channels === undefined ||
      JSON.stringify(channelSpecs(body.channels)) ===
        JSON.stringify(
          channelSpecs(current.channels.map((channel) => withoutNulls({ ...channel }))),
        )
        ? null
        : "channels",
      // Labels and tags as merge-patch: a client sending back what it read changes nothing.
      sameLabels(mergedLabels(current.labels, body.labels, "labels"), current.labels)
        ? null
        : "labels",
      sameLabels(mergedLabels(current.tags, body.tags, "tags"), current.tags) ? null : "tags",
    ].filter((field): field is string => field !== null);
    if (changed.length > 0) {
      throw new WireError(
        `changing ${changed.join(", ")} of an existing worker is not supported yet (only availableForOffers; docs/serve.md)`,
        changed[0] as string,
      );
    }
    return { id, availableForOffers } as WorkerSpec;
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
    ...(availableForOffers === undefined ? {} : { availableForOffers }),
  };
}
