/**
 * The service's lists (jobs, workers, policies, queues): its filters (query parameters named as the
 * REST API names them) and its paging: at most `maxpagesize` items a page, and a `nextLink` to
 * the rest, `/routing/…?continuationToken=<opaque>`, as the service's recordings show, whose
 * token carries the filters and where the next page starts. Jobs and workers are listed newest
 * first (as the recordings list them), policies and queues in creation order; the next page starts at an offset, so
 * an item created or deleted between two pages moves the boundary.
 */
import type { JobView, WorkerView } from "../router/index.ts";
import type { JobStatus } from "../router/types.ts";
import { type JsonObject, secondsOfIso, type TimeFormat, WireError } from "./wire.ts";

/** Items a page holds when the client does not say (`maxpagesize`). */
export const DEFAULT_PAGE_SIZE = 100;

/** Where the next page starts, inside a continuation token (clients follow `nextLink`). */
const START_PARAMETER = "skip";

/**
 * The query a request stands for: its own, or the one its `continuationToken` carries (the
 * filters and the start, base64url of a query string).
 */
export function effectiveQuery(query: URLSearchParams): URLSearchParams {
  const token = parameter(query, "continuationToken");
  if (token === undefined) return query;
  const decoded = Buffer.from(token, "base64url").toString("utf8");
  const carried = new URLSearchParams(decoded);
  if (!/^\d+$/.test(carried.get(START_PARAMETER) ?? "")) {
    throw new WireError("continuationToken is not one this server gave", "continuationToken");
  }
  return carried;
}

/** Statuses of jobs that have ended: every other is `active` for the status filter. */
const ENDED_STATUSES: ReadonlySet<JobStatus> = new Set([
  "closed",
  "cancelled",
  "classificationFailed",
  "scheduleFailed",
]);

const JOB_STATUSES: readonly string[] = [
  "all",
  "active",
  "pendingClassification",
  "queued",
  "assigned",
  "completed",
  "closed",
  "cancelled",
  "classificationFailed",
  "created",
  "pendingSchedule",
  "scheduled",
  "scheduleFailed",
  "waitingForActivation",
];

const WORKER_STATES: readonly string[] = ["all", "active", "draining", "inactive"];

/** A query parameter looked up case-insensitively, as the service does. */
function parameter(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

function oneOf(query: URLSearchParams, name: string, allowed: readonly string[]): string {
  const value = parameter(query, name) ?? "all";
  const known = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (known === undefined) {
    throw new WireError(`${name} must be one of ${allowed.join(", ")} (got ${value})`, name);
  }
  return known;
}

function wholeNumber(query: URLSearchParams, name: string, fallback: number, least: number) {
  const text = parameter(query, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    throw new WireError(`${name} must be a whole number ≥ ${least} (got ${text})`, name);
  }
  return value;
}

/** One page of `items` (already filtered) from where `query` says, with its nextLink. */
function page<T>(
  items: readonly T[],
  query: URLSearchParams,
  path: string,
  toJson: (item: T) => JsonObject,
): JsonObject {
  const size = wholeNumber(query, "maxpagesize", DEFAULT_PAGE_SIZE, 1);
  const start = wholeNumber(query, START_PARAMETER, 0, 0);
  const value = items.slice(start, start + size).map(toJson);
  if (start + size >= items.length) return { value };
  const next = new URLSearchParams(query);
  next.delete("api-version");
  next.set(START_PARAMETER, String(start + size));
  const token = Buffer.from(next.toString()).toString("base64url");
  return { value, nextLink: `${path}?continuationToken=${token}` };
}

/** A GET of the administration client's lists: `items`, paged as jobs and workers are. */
export function resourcePage<T>(
  items: readonly T[],
  requestQuery: URLSearchParams,
  path: string,
  toJson: (item: T) => JsonObject,
): JsonObject {
  return page(items, effectiveQuery(requestQuery), path, toJson);
}

/** A query's time parameter as simulated seconds; undefined when absent. */
function instant(query: URLSearchParams, name: string, time: TimeFormat): number | undefined {
  const text = parameter(query, name);
  if (text === undefined) return undefined;
  const seconds = secondsOfIso(time, text);
  if (seconds === null) throw new WireError(`${name} must be a date and time (got ${text})`, name);
  return seconds;
}

/**
 * GET /routing/jobs: `jobs` (newest first), filtered by status, queue, channel, policy, and by
 * when their schedule is due (`scheduledBefore`/`scheduledAfter`: jobs of `scheduleAndSuspend`
 * whose `scheduleAt` is at or before, at or after the time: the recordings list a job whose
 * `scheduleAt` is the very time asked for, either way).
 */
export function jobPage(
  jobs: readonly JobView[],
  requestQuery: URLSearchParams,
  path: string,
  toJson: (job: JobView) => JsonObject,
  time: TimeFormat,
): JsonObject {
  const query = effectiveQuery(requestQuery);
  const status = oneOf(query, "status", JOB_STATUSES);
  const queueId = parameter(query, "queueId");
  const channelId = parameter(query, "channelId");
  const classificationPolicyId = parameter(query, "classificationPolicyId");
  const before = instant(query, "scheduledBefore", time);
  const after = instant(query, "scheduledAfter", time);
  const scheduleOf = (job: JobView) =>
    job.matchingMode.kind === "scheduleAndSuspend" ? job.matchingMode.scheduleAtSeconds : null;
  const selected = jobs.filter(
    (job) =>
      (before === undefined || (scheduleOf(job) ?? Number.POSITIVE_INFINITY) <= before) &&
      (after === undefined || (scheduleOf(job) ?? Number.NEGATIVE_INFINITY) >= after) &&
      (status === "all" ||
        (status === "active" ? !ENDED_STATUSES.has(job.status) : job.status === status)) &&
      (queueId === undefined || job.queueId === queueId) &&
      (channelId === undefined || job.channelId === channelId) &&
      (classificationPolicyId === undefined ||
        job.classificationPolicyId === classificationPolicyId),
  );
  return page(selected, query, path, toJson);
}

/** GET /routing/workers: `workers` (newest first), filtered by state, channel, queue, room. */
export function workerPage(
  workers: readonly WorkerView[],
  requestQuery: URLSearchParams,
  path: string,
  toJson: (worker: WorkerView) => JsonObject,
): JsonObject {
  const query = effectiveQuery(requestQuery);
  const state = oneOf(query, "state", WORKER_STATES);
  const channelId = parameter(query, "channelId");
  const queueId = parameter(query, "queueId");
  const hasCapacityText = parameter(query, "hasCapacity");
  if (hasCapacityText !== undefined && !/^(true|false)$/i.test(hasCapacityText)) {
    throw new WireError(
      `hasCapacity must be true or false (got ${hasCapacityText})`,
      "hasCapacity",
    );
  }
  const hasCapacity = hasCapacityText === undefined ? undefined : /^true$/i.test(hasCapacityText);
  const selected = workers.filter(
    (worker) =>
      (state === "all" || worker.state === state) &&
      (channelId === undefined ||
        worker.channels.some((channel) => channel.channelId === channelId)) &&
      (queueId === undefined || worker.queues.includes(queueId)) &&
      (hasCapacity === undefined || roomFor(worker, channelId) === hasCapacity),
  );
  return page(selected, query, path, toJson);
}

/**
 * Whether the worker's free capacity covers one more job's cost: on `channelId` when given,
 * else on any of its channels. A channel's own job limit (`maxNumberOfJobs`) is not counted.
 */
function roomFor(worker: WorkerView, channelId: string | undefined): boolean {
  const free = worker.capacity - worker.usedCapacity;
  return worker.channels.some(
    (channel) =>
      (channelId === undefined || channel.channelId === channelId) &&
      channel.capacityCostPerJob <= free,
  );
}
