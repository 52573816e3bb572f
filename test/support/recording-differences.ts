/**
 * Every known reason why ccsim's answer differs from a recorded live-service answer. The replay
 * test (test/serve/recordings-replay.test.ts) explains each difference replay.ts finds by the
 * first reason that matches it, fails on any no reason explains, and writes the tally into
 * docs/serve-recordings.md. A reason is either where ccsim knowingly answers otherwise, how the
 * session was recorded (a shared live resource's state, a client's clock) rather than the
 * service's behaviour, or what ccsim does not do yet.
 */

import type { RecordedExchange, Recording } from "./recordings.ts";
import type { Difference } from "./replay.ts";

export interface DifferenceContext {
  readonly difference: Difference;
  readonly exchange: RecordedExchange;
  readonly recording: Recording;
  /** The differences before this one in the same recording. */
  readonly earlier: readonly Difference[];
}

export interface Reason {
  readonly id: string;
  /** One line for the table in docs/serve-recordings.md. */
  readonly summary: string;
  readonly kind: "ccsim answers otherwise" | "how it was recorded" | "not built yet";
  readonly explains: (context: DifferenceContext) => boolean;
}

function field(difference: Difference): string {
  return difference.where.slice(difference.where.lastIndexOf("/") + 1);
}

/** The recorded resource a difference is in: the answer, or the listed item it names. */
function recordedResourceOf(
  difference: Difference,
  exchange: RecordedExchange,
): Record<string, unknown> | undefined {
  const response = exchange.response as { value?: unknown } | null;
  if (response === null || typeof response !== "object") return undefined;
  const item = /^\/value\[id=([^\]]+)\]/.exec(difference.where);
  if (item === null) return response;
  const listed = Array.isArray(response.value) ? response.value : [];
  return listed.find((entry: { id?: unknown }) => entry.id === item[1]);
}

/** Jobs the recorded resource held before the session: their first upsert answered 200. */
function jobsOlderThanTheSession(recording: Recording): Set<string> {
  const seen = new Set<string>();
  const older = new Set<string>();
  for (const exchange of recording.exchanges) {
    const id = /^\/routing\/jobs\/([^/:]+)$/.exec(exchange.path)?.[1];
    if (id === undefined || exchange.method !== "PATCH" || seen.has(id)) continue;
    seen.add(id);
    if (exchange.status === 200) older.add(decodeURIComponent(id));
  }
  return older;
}

/** Ids a refused request named: the id in its path, and every string in its body. */
function namedBy(exchange: RecordedExchange): string[] {
  const names = [exchange.path.split("/").pop() ?? ""];
  const visit = (value: unknown): void => {
    if (typeof value === "string") names.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit(exchange.body);
  return names.filter((name) => name.length >= 6);
}

const MATCHED_AT_ONCE_FIELDS = new Set([
  "status",
  "enqueuedAt",
  "queueId",
  "priority",
  "attachedWorkerSelectors",
]);

export const REASONS: readonly Reason[] = [
  {
    id: "matched-within-the-call",
    kind: "ccsim answers otherwise",
    summary:
      "A new or updated job is classified, queued, offered or scheduled within the call, so the answer already says `queued` (with its queue, priority and attached selectors) or `scheduled`, and the worker already holds the offer; the service answers `created`, `pendingClassification` or `pendingSchedule` and does the rest moments later.",
    explains: ({ difference, exchange }) => {
      const recordedStatus = recordedResourceOf(difference, exchange)?.status;
      if (
        recordedStatus === "created" ||
        recordedStatus === "pendingClassification" ||
        recordedStatus === "pendingSchedule"
      ) {
        return MATCHED_AT_ONCE_FIELDS.has(field(difference));
      }
      // A worker read while the service had not offered the new job yet.
      const response = exchange.response as { offers?: unknown[] } | null;
      return (
        exchange.path.startsWith("/routing/workers/") &&
        response?.offers?.length === 0 &&
        (difference.where === "/offers" || difference.where === "/loadRatio")
      );
    },
  },
  {
    id: "client-clock-ahead",
    kind: "how it was recorded",
    summary:
      "A request's recorded time is its client's clock, which ran up to 5 s ahead of the service's: ccsim, whose clock follows the requests, reaches a job's `scheduleAt` up to 5 s of recorded time before the service did, so it already says `waitingForActivation` (with `scheduledAt`) where the recording still says `scheduled`.",
    explains: ({ difference, exchange }) => {
      const response = exchange.response as {
        status?: unknown;
        matchingMode?: { scheduleAt?: unknown };
      } | null;
      const scheduleAt = response?.matchingMode?.scheduleAt;
      if (response?.status !== "scheduled" || typeof scheduleAt !== "string") return false;
      const ahead = Date.parse(exchange.at) - Date.parse(scheduleAt);
      return (
        ahead >= 0 &&
        ahead <= 6000 &&
        (difference.where === "/status" || difference.where === "/scheduledAt")
      );
    },
  },
  {
    id: "reads-lag-writes",
    kind: "ccsim answers otherwise",
    summary:
      "A worker read just after an unassign still lists the released assignment in the recording (and no new offer yet); ccsim releases it, and offers the job again, within the unassign.",
    explains: ({ difference, exchange, recording }) =>
      exchange.path.startsWith("/routing/workers/") &&
      difference.where === "/assignedJobs" &&
      recording.exchanges
        .slice(0, difference.exchange)
        .some((before) => before.path.endsWith(":unassign")),
  },
  {
    id: "held-before-the-session",
    kind: "how it was recorded",
    summary:
      "The recorded resource already held the policy, queue, worker or job from an earlier run of the same test, so its first upsert answered 200 (updated) where ccsim, starting empty, answers 201 (created).",
    explains: ({ difference, exchange }) =>
      exchange.method === "PATCH" &&
      difference.where === "status" &&
      difference.recorded === 200 &&
      difference.ours === 201,
  },
  {
    id: "older-than-the-session",
    kind: "how it was recorded",
    summary:
      "The recorded resource already held the job from an earlier run of the same test (its first upsert answered 200): it had waited longer, its selectors had expired, it had been unassigned before, so its queue's longest wait and its own times and counts differ from a job ccsim creates in the session.",
    explains: ({ difference, exchange, recording }) => {
      const older = jobsOlderThanTheSession(recording);
      const listed = /^\/value\[id=([^\]]+)\]/.exec(difference.where)?.[1];
      const jobId = listed ?? /^\/routing\/jobs\/([^/:]+)/.exec(exchange.path)?.[1];
      if (jobId !== undefined && older.has(jobId)) {
        return /enqueuedAt|attachedWorkerSelectors|requestedWorkerSelectors|unassignmentCount/.test(
          difference.where,
        );
      }
      // A queue's statistics, while such a job waits in it.
      return (
        exchange.path.endsWith("/statistics") &&
        difference.where === "/longestJobWaitTimeMinutes" &&
        older.size > 0
      );
    },
  },
  {
    id: "wait-estimates",
    kind: "ccsim answers otherwise",
    summary:
      "Queue statistics' `estimatedWaitTimeMinutes` is ccsim's own estimate (docs/serve.md: queued jobs × recent mean handle time ÷ active workers), none before a first completion; the service does not say how it makes its own.",
    explains: ({ difference }) => difference.where.startsWith("/estimatedWaitTimeMinutes"),
  },
  {
    id: "function-and-webhook-rules",
    kind: "ccsim answers otherwise",
    summary:
      "ccsim calls no Azure Function or webhook, so it refuses `azure-function-rule` and `webhook-rule` (400), and the policy stays as it was.",
    explains: ({ difference, exchange }) =>
      difference.where === "status" &&
      /function-rule|webhook-rule/.test(JSON.stringify(exchange.body ?? null)),
  },
  {
    id: "follows-from-an-earlier-difference",
    kind: "ccsim answers otherwise",
    summary:
      "The consequence of an earlier refusal in the same session: the resource ccsim refused to create or change is missing, or reads as it was, in later answers.",
    explains: ({ difference, exchange, recording, earlier }) => {
      const refused = earlier.filter(
        (before) =>
          before.where === "status" &&
          typeof before.ours === "number" &&
          before.ours >= 400 &&
          typeof before.recorded === "number" &&
          before.recorded < 400,
      );
      const text = `${exchange.path} ${JSON.stringify(exchange.response ?? null)} ${difference.message ?? ""}`;
      return refused.some((before) => {
        const request = recording.exchanges[before.exchange];
        return request !== undefined && namedBy(request).some((name) => text.includes(name));
      });
    },
  },
];

/** The reason explaining `context`'s difference, or undefined when none does. */
export function reasonFor(context: DifferenceContext): Reason | undefined {
  return REASONS.find((reason) => reason.explains(context));
}
