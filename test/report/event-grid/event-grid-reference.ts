/**
 * The test oracle of the Event Grid stream: the envelope exactly as ccsim built it before the
 * byte writer (main at 3cb5852, `EventGridSerializer.serialize`), kept verbatim in plain code
 * (object spread, renames, `toISOString`), so that `JSON.stringify` of it says what every line
 * of `events.jsonl` must read.
 */
import { deterministicEventId } from "../../../src/report/event-grid/event-grid.ts";
import type { RouterEvent } from "../../../src/router/events/events.ts";
import type { JobStatus, WorkerSelector } from "../../../src/router/types.ts";

/** Where the stream comes from, as the serializer's options. */
export interface ReferenceOptions {
  readonly startTime: string;
  readonly seed: number;
  readonly replication: number;
}

function pascalStatus(status: JobStatus): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

function subjectOf(event: RouterEvent): string {
  switch (event.type) {
    case "RouterWorkerRegistered":
    case "RouterWorkerDeregistered":
      return `worker/${event.workerId}`;
    case "RouterWorkerOfferIssued":
    case "RouterWorkerOfferAccepted":
    case "RouterWorkerOfferDeclined":
    case "RouterWorkerOfferRevoked":
    case "RouterWorkerOfferExpired":
      return `worker/${event.workerId}/job/${event.jobId}`;
    default: {
      const base = `job/${event.jobId}/channel/${event.channelId}`;
      switch (event.type) {
        case "RouterJobClassified":
        case "RouterJobQueued":
        case "RouterJobWorkerSelectorsExpired":
          return `${base}/queue/${event.queueId}`;
        case "RouterJobClassificationFailed":
          return `${base}/classificationpolicy/${event.classificationPolicyId}`;
        case "RouterJobUnassigned":
        case "RouterJobCompleted":
        case "RouterJobClosed":
          return `${base}/assignment/${event.assignmentId}`;
        case "RouterJobCancelled":
          return `${base}/disposition/${event.dispositionCode}`;
        case "RouterJobExceptionTriggered":
          return `${base}/exceptionrule/${event.ruleKey}`;
        default:
          return base;
      }
    }
  }
}

/** Builds the reference envelopes of a stream, numbering events in call order. */
export class ReferenceEventGrid {
  private sequence = 0;
  private readonly startMilliseconds: number;

  constructor(private readonly options: ReferenceOptions) {
    this.startMilliseconds = Date.parse(options.startTime);
  }

  timestamp(timeSeconds: number): string {
    return new Date(this.startMilliseconds + Math.round(timeSeconds * 1000)).toISOString();
  }

  /** The next event's envelope. */
  envelope(event: RouterEvent): Record<string, unknown> {
    const sequence = this.sequence++;
    return {
      id: deterministicEventId(this.options.seed, this.options.replication, sequence),
      eventType: `Microsoft.Communication.${event.type}`,
      subject: subjectOf(event),
      eventTime: this.timestamp(event.timeSeconds),
      data: this.dataOf(event),
      dataVersion: "1.0",
      metadataVersion: "1",
    };
  }

  /** The next event's line: `JSON.stringify` of its envelope. */
  line(event: RouterEvent): string {
    return JSON.stringify(this.envelope(event));
  }

  private selectors(selectors: readonly WorkerSelector[]): Record<string, unknown>[] {
    return selectors.map((selector) => ({
      key: selector.key,
      labelOperator: selector.labelOperator,
      value: selector.value,
      ttlSeconds: selector.expiresAfterSeconds,
      state: selector.status,
      expirationTime:
        selector.expiresAtSeconds === null ? null : this.timestamp(selector.expiresAtSeconds),
    }));
  }

  private dataOf(event: RouterEvent): Record<string, unknown> {
    const { type: _type, timeSeconds: _time, ...fields } = event;
    const data: Record<string, unknown> = fields;
    switch (event.type) {
      case "RouterJobReceived":
        data.jobStatus = pascalStatus(event.jobStatus);
        data.requestedWorkerSelectors = this.selectors(event.requestedWorkerSelectors);
        this.renameTime(data, "scheduledAtSeconds", "scheduledOn");
        break;
      case "RouterJobClassified":
        data.attachedWorkerSelectors = this.selectors(event.attachedWorkerSelectors);
        break;
      case "RouterJobQueued":
        data.requestedWorkerSelectors = this.selectors(event.requestedWorkerSelectors);
        data.attachedWorkerSelectors = this.selectors(event.attachedWorkerSelectors);
        break;
      case "RouterJobWorkerSelectorsExpired":
      case "RouterJobWaitingForActivation":
        data.expiredRequestedWorkerSelectors = this.selectors(
          event.expiredRequestedWorkerSelectors,
        );
        data.expiredAttachedWorkerSelectors = this.selectors(event.expiredAttachedWorkerSelectors);
        if (event.type === "RouterJobWaitingForActivation") {
          this.renameTime(data, "scheduledAtSeconds", "scheduledOn");
        }
        break;
      case "RouterWorkerOfferIssued":
        this.renameTime(data, "offeredAtSeconds", "offeredOn");
        this.renameTime(data, "expiresAtSeconds", "expiresOn");
        break;
    }
    return data;
  }

  private renameTime(data: Record<string, unknown>, secondsField: string, timeField: string): void {
    const seconds = data[secondsField] as number | null;
    delete data[secondsField];
    data[timeField] = seconds === null ? null : this.timestamp(seconds);
  }
}
