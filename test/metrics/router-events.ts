/**
 * Small factories for hand-written router event streams, and a collector set up from a few
 * settings. Job ids are `<arrivalId>-<n>`; the test settings map them to arrival indexes the way
 * the composition root would.
 */
import { MetricsCollector, type MetricsSettings } from "../../src/metrics/collector.ts";
import type { MetricValues } from "../../src/metrics/types.ts";
import type { ChannelConfiguration } from "../../src/router/entities.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";

const NO_LABELS = Object.freeze({});

/**
 * Event factories, one per event type the tests use. Each spells out its literal rather than
 * spreading a shared base: V8 builds spread objects far more slowly, and the memory test
 * creates millions of events.
 */
export const events = {
  received: (t: number, jobId: string, channelId = "voice"): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId,
    queueId: null,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobReceived",
    jobStatus: "queued",
    classificationPolicyId: null,
    priority: 1,
    requestedWorkerSelectors: [],
    scheduledAtSeconds: null,
    unavailableForMatching: false,
  }),
  queued: (t: number, jobId: string, queueId: string, channelId = "voice"): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId,
    queueId: queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobQueued",
    priority: 1,
    requestedWorkerSelectors: [],
    attachedWorkerSelectors: [],
  }),
  classified: (t: number, jobId: string, queueId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobClassified",
    queueDetails: { id: queueId, name: queueId, labels: NO_LABELS },
    classificationPolicyId: "policy",
    priority: 1,
    attachedWorkerSelectors: [],
  }),
  exceptionTriggered: (t: number, jobId: string, queueId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobExceptionTriggered",
    ruleKey: "rule",
    exceptionRuleId: "rule",
  }),
  classificationFailed: (t: number, jobId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId: null,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobClassificationFailed",
    classificationPolicyId: "policy",
    errors: [],
  }),
  offerIssued: (
    t: number,
    jobId: string,
    workerId: string,
    offerId: string,
    queueId: string,
    channelId = "voice",
  ): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId,
    workerId,
    queueId,
    offerId,
    type: "RouterWorkerOfferIssued",
    jobPriority: 1,
    offeredAtSeconds: t,
    expiresAtSeconds: t + 30,
    workerLabels: NO_LABELS,
    workerTags: NO_LABELS,
    jobLabels: NO_LABELS,
    jobTags: NO_LABELS,
  }),
  offerAccepted: (
    t: number,
    jobId: string,
    workerId: string,
    offerId: string,
    queueId: string,
    channelId = "voice",
  ): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId,
    workerId,
    queueId,
    offerId,
    type: "RouterWorkerOfferAccepted",
    assignmentId: `assignment-${offerId}`,
    jobPriority: 1,
    workerLabels: NO_LABELS,
    workerTags: NO_LABELS,
    jobLabels: NO_LABELS,
    jobTags: NO_LABELS,
  }),
  offerEnded: (
    type: "RouterWorkerOfferDeclined" | "RouterWorkerOfferExpired" | "RouterWorkerOfferRevoked",
    t: number,
    jobId: string,
    workerId: string,
    offerId: string,
    queueId: string,
    channelId = "voice",
  ): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId,
    workerId,
    queueId,
    offerId,
    type,
  }),
  unassigned: (t: number, jobId: string, workerId: string, queueId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId: queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobUnassigned",
    assignmentId: "assignment",
    workerId,
  }),
  completed: (t: number, jobId: string, workerId: string, queueId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId: queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobCompleted",
    assignmentId: "assignment",
    workerId,
  }),
  closed: (t: number, jobId: string, workerId: string, queueId: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId: queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobClosed",
    assignmentId: "assignment",
    workerId,
    dispositionCode: null,
  }),
  cancelled: (t: number, jobId: string, queueId: string, dispositionCode: string): RouterEvent => ({
    timeSeconds: t,
    jobId,
    channelReference: null,
    channelId: "voice",
    queueId: queueId,
    labels: NO_LABELS,
    tags: NO_LABELS,
    type: "RouterJobCancelled",
    note: null,
    dispositionCode,
  }),
  workerRegistered: (
    t: number,
    workerId: string,
    queueIds: readonly string[],
    totalCapacity = 1,
    channelConfigurations: readonly ChannelConfiguration[] = [
      { channelId: "voice", capacityCostPerJob: 1, maxNumberOfJobs: null },
    ],
  ): RouterEvent => ({
    type: "RouterWorkerRegistered",
    timeSeconds: t,
    workerId,
    queueAssignments: queueIds.map((id) => ({ id, name: id, labels: NO_LABELS })),
    channelConfigurations,
    totalCapacity,
    labels: NO_LABELS,
    tags: NO_LABELS,
  }),
  workerDeregistered: (t: number, workerId: string): RouterEvent => ({
    type: "RouterWorkerDeregistered",
    timeSeconds: t,
    workerId,
  }),
};

/** The events of a job answered by `workerId` without declines: arrive → close. */
export function answeredJob(job: {
  id: string;
  queueId: string;
  workerId: string;
  arriveAt: number;
  offerAt: number;
  acceptAt: number;
  completeAt: number;
  closeAt: number;
  channelId?: string;
}): RouterEvent[] {
  const channelId = job.channelId ?? "voice";
  const offerId = `offer-${job.id}`;
  return [
    events.received(job.arriveAt, job.id, channelId),
    events.queued(job.arriveAt, job.id, job.queueId, channelId),
    events.offerIssued(job.offerAt, job.id, job.workerId, offerId, job.queueId, channelId),
    events.offerAccepted(job.acceptAt, job.id, job.workerId, offerId, job.queueId, channelId),
    events.completed(job.completeAt, job.id, job.workerId, job.queueId),
    events.closed(job.closeAt, job.id, job.workerId, job.queueId),
  ];
}

/** Events of several scripted histories merged into time order (stable: ties keep list order). */
export function inTimeOrder(...histories: readonly RouterEvent[][]): RouterEvent[] {
  return histories.flat().sort((left, right) => left.timeSeconds - right.timeSeconds);
}

/** Settings with the test defaults; arrival of a job = the part of its id before the last `-`. */
export function testSettings(overrides: Partial<MetricsSettings> = {}): MetricsSettings {
  const arrivalIds = overrides.arrivalIds ?? ["a"];
  return {
    warmupSeconds: 0,
    horizonSeconds: 100,
    serviceLevelThresholdSeconds: 10,
    intervalSeconds: 50,
    queueIds: ["q"],
    arrivalIds,
    arrivalOfJob: (jobId) => arrivalIds.indexOf(jobId.slice(0, jobId.lastIndexOf("-"))),
    groupOfWorker: (workerId) => workerId.replace(/-\d+$/, ""),
    ...overrides,
  };
}

/** Runs `stream` through a fresh collector and returns its metrics at `endSeconds`. */
export function collect(
  settings: MetricsSettings,
  stream: readonly RouterEvent[],
  endSeconds: number,
) {
  const collector = new MetricsCollector(settings);
  for (const event of stream) collector.observe(event);
  return { collector, metrics: collector.finish(endSeconds) };
}

/** arrived + moved in − moved out − (assigned + ended unanswered + waiting at end): 0 always. */
export function conservationGap(values: MetricValues): number {
  const entered = values.arrived + values.jobsMovedIn - values.jobsMovedOut;
  return entered - (values.assigned + values.endedUnanswered + values.waitingAtEnd);
}
