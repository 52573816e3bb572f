/**
 * Serializes router events to `events.jsonl` (output contract §5) in the Event Grid schema (§6):
 * `eventType` = `Microsoft.Communication.` + type, `subject` per event, `eventTime` = start
 * time + simulated time (ISO, milliseconds), the service's data field names, and a
 * deterministic UUID-shaped `id` hashed from (seed, replication, event sequence). The
 * serializer counts events itself and draws no randomness, so serializing perturbs nothing.
 */
import { eventDataJson, quoteJson } from "./event-grid-line.ts";
import type { RouterEvent } from "./events.ts";
import type { JobStatus, WorkerSelector } from "./types.ts";

/** One line of `events.jsonl`. */
export interface EventGridEvent {
  readonly id: string;
  readonly eventType: string;
  readonly subject: string;
  readonly eventTime: string;
  readonly data: Record<string, unknown>;
  readonly dataVersion: "1.0";
  readonly metadataVersion: "1";
}

/** Where the serialized stream comes from. */
export interface EventGridOptions {
  /** ISO-8601 UTC wall-clock origin of simulated time 0. */
  readonly startTime: string;
  readonly seed: number;
  readonly replication: number;
}

/** Date's range: ±8.64e15 ms around the epoch. */
const MAX_DATE_MILLISECONDS = 8.64e15;

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two lowercase hex digits of each byte value. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, "0"),
);

function hex4(value: number): string {
  return (HEX_BYTES[(value >>> 8) & 0xff] as string) + (HEX_BYTES[value & 0xff] as string);
}

function hex8(value: number): string {
  return hex4(value >>> 16) + hex4(value);
}

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") from (seed, replication, sequence): the same
 * inputs always give the same id; different inputs give different ids with overwhelming odds.
 */
export function deterministicEventId(seed: number, replication: number, sequence: number): string {
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 2 ** 32) >>> 0;
  const sequenceLow = sequence >>> 0;
  const sequenceHigh = Math.floor(sequence / 2 ** 32) >>> 0;
  let state = mix32(seedLow ^ 0x9e3779b9);
  // Four lanes, unrolled into locals (a closure or an array per id costs more than the hashing).
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let lane = 0; lane < 4; lane++) {
    state = mix32(state ^ seedHigh ^ Math.imul(lane + 1, 0x27d4eb2f));
    state = mix32(state ^ replication);
    state = mix32(state ^ sequenceLow);
    state = mix32(state ^ sequenceHigh);
    if (lane === 0) a = state;
    else if (lane === 1) b = state;
    else if (lane === 2) c = state;
    else d = state;
  }
  const second = ((b & 0xffff0fff) | 0x00008000) >>> 0; // version 8
  const third = ((c & 0x3fffffff) | 0x80000000) >>> 0; // RFC variant
  return `${hex8(a)}-${hex4(second >>> 16)}-${hex4(second)}-${hex4(third >>> 16)}-${hex4(third)}${hex8(d)}`;
}

/** `queued` → `Queued`, as `jobStatus` is spelled in events. */
export function pascalStatus(status: JobStatus): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** The subject of an event (§6 table). */
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
    default:
      return jobSubject(event);
  }
}

type JobEvent = Exclude<RouterEvent, { type: `RouterWorker${string}` }>;

function jobSubject(event: JobEvent): string {
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

/** Turns router events into Event Grid events, numbering them in call order. */
export class EventGridSerializer {
  private readonly startMilliseconds: number;
  private sequence = 0;
  private lastMilliseconds = Number.NaN;
  private lastTimestamp = "";
  private cachedMinute = Number.NaN;
  private minutePrefix = "";
  private readonly stamp = (timeSeconds: number): string => this.timestamp(timeSeconds);

  constructor(private readonly options: EventGridOptions) {
    this.startMilliseconds = Date.parse(options.startTime);
    if (Number.isNaN(this.startMilliseconds)) {
      throw new RangeError(`startTime is not an ISO-8601 time: ${options.startTime}`);
    }
  }

  /**
   * The wall-clock timestamp of a simulated time, ISO with milliseconds. Events come in time
   * order, so the last timestamp and the current minute's `YYYY-MM-DDTHH:MM:` are cached: most
   * calls format only seconds and milliseconds.
   */
  timestamp(timeSeconds: number): string {
    const milliseconds = this.startMilliseconds + Math.round(timeSeconds * 1000);
    if (milliseconds === this.lastMilliseconds) return this.lastTimestamp;
    // Outside Date's range (or NaN) toISOString throws, as it should.
    if (!(Math.abs(milliseconds) <= MAX_DATE_MILLISECONDS)) {
      return new Date(milliseconds).toISOString();
    }
    const minute = Math.floor(milliseconds / 60_000);
    if (minute !== this.cachedMinute) {
      // "…THH:MM:SS.mmmZ" minus "SS.mmmZ" (7 characters), whatever the year's width.
      this.minutePrefix = new Date(minute * 60_000).toISOString().slice(0, -7);
      this.cachedMinute = minute;
    }
    const withinMinute = milliseconds - minute * 60_000;
    const second = Math.floor(withinMinute / 1000);
    const millisecond = withinMinute - second * 1000;
    const stamp = `${this.minutePrefix}${second < 10 ? "0" : ""}${second}.${millisecond < 10 ? "00" : millisecond < 100 ? "0" : ""}${millisecond}Z`;
    this.lastMilliseconds = milliseconds;
    this.lastTimestamp = stamp;
    return stamp;
  }

  /** The next event of the stream. */
  serialize(event: RouterEvent): EventGridEvent {
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

  /**
   * The event as one JSON line (without the newline): the same text as
   * `JSON.stringify(serialize(event))`, written directly (event-grid-line.ts).
   */
  serializeLine(event: RouterEvent): string {
    const sequence = this.sequence++;
    const id = deterministicEventId(this.options.seed, this.options.replication, sequence);
    return `{"id":"${id}","eventType":"Microsoft.Communication.${event.type}","subject":${quoteJson(subjectOf(event))},"eventTime":"${this.timestamp(event.timeSeconds)}","data":${eventDataJson(event, this.stamp)},"dataVersion":"1.0","metadataVersion":"1"}`;
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

  private optionalTime(timeSeconds: number | null): string | null {
    return timeSeconds === null ? null : this.timestamp(timeSeconds);
  }

  /** The data object with the service's field names. */
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

  /** Replaces a simulated-seconds field by the service's timestamp field. */
  private renameTime(data: Record<string, unknown>, secondsField: string, timeField: string): void {
    const seconds = data[secondsField] as number | null;
    delete data[secondsField];
    data[timeField] = this.optionalTime(seconds);
  }
}
