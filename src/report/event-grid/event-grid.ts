/**
 * Serializes router events to `events.jsonl` (output contract §5) in the Event Grid schema (§6):
 * `eventType` = `Microsoft.Communication.` + type, `subject` per event, `eventTime` = start
 * time + simulated time (ISO, milliseconds), the service's data field names, and a
 * deterministic UUID-shaped `id` hashed from (seed, replication, event sequence). The
 * serializer counts events itself and draws no randomness, so serializing perturbs nothing.
 * Lines are written straight into bytes (event-grid-subject.ts, event-grid-line.ts); the
 * envelope object is a line parsed back.
 */

import type { RouterEvent } from "../../router/events/events.ts";
import { type TimestampWriter, writeEventData } from "./event-grid-line.ts";
import { writeSubject } from "./event-grid-subject.ts";
import { asciiFragment, Fragment, JsonBytes } from "./json-bytes.ts";

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
const DOT = 0x2e;
const COLON = 0x3a;
const MILLISECONDS_PER_DAY = 86_400_000;
/** `YYYY-MM-DDTHH:MM:SS.mmmZ` (years 0 to 9999). */
const ISO_TIMESTAMP_BYTES = 24;
const ZULU = 0x5a;

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

/** The four 32-bit words of an id (version and variant bits set), reused by every call. */
const idWords = new Uint32Array(4);

/** Hashes (seed, replication, sequence) into `idWords`. */
function hashEventId(seed: number, replication: number, sequence: number): void {
  const seedLow = seed >>> 0;
  const seedHigh = Math.floor(seed / 2 ** 32) >>> 0;
  const sequenceLow = sequence >>> 0;
  const sequenceHigh = Math.floor(sequence / 2 ** 32) >>> 0;
  let state = mix32(seedLow ^ 0x9e3779b9);
  for (let lane = 0; lane < 4; lane++) {
    state = mix32(state ^ seedHigh ^ Math.imul(lane + 1, 0x27d4eb2f));
    state = mix32(state ^ replication);
    state = mix32(state ^ sequenceLow);
    state = mix32(state ^ sequenceHigh);
    idWords[lane] = state;
  }
  idWords[1] = ((idWords[1] as number) & 0xffff0fff) | 0x00008000; // version 8
  idWords[2] = ((idWords[2] as number) & 0x3fffffff) | 0x80000000; // RFC variant
}

const DASH = 0x2d;

/** `idWords` as `8-4-4-4-12` hex digits, into `out`. */
function writeIdWords(out: JsonBytes): void {
  const second = idWords[1] as number;
  const third = idWords[2] as number;
  out.hex(idWords[0] as number, 8);
  out.byte(DASH);
  out.hex(second >>> 16, 4);
  out.byte(DASH);
  out.hex(second, 4);
  out.byte(DASH);
  out.hex(third >>> 16, 4);
  out.byte(DASH);
  out.hex(third, 4);
  out.hex(idWords[3] as number, 8);
}

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") from (seed, replication, sequence): the same
 * inputs always give the same id; different inputs give different ids with overwhelming odds.
 */
export function deterministicEventId(seed: number, replication: number, sequence: number): string {
  const out = new JsonBytes(36);
  hashEventId(seed, replication, sequence);
  writeIdWords(out);
  return out.takeText();
}

export { pascalStatus } from "./event-grid-line.ts";

const ID_OPEN = asciiFragment('{"id":"');
const EVENT_TIME = asciiFragment(',"eventTime":"');
const DATA = asciiFragment('","data":');
const LINE_END = asciiFragment(',"dataVersion":"1.0","metadataVersion":"1"}\n');

/** Every event type (the compiler checks the list is complete). */
const EVENT_TYPES: Readonly<Record<RouterEvent["type"], true>> = {
  RouterJobReceived: true,
  RouterJobClassified: true,
  RouterJobClassificationFailed: true,
  RouterJobQueued: true,
  RouterJobUnassigned: true,
  RouterJobCompleted: true,
  RouterJobClosed: true,
  RouterJobCancelled: true,
  RouterJobExceptionTriggered: true,
  RouterJobWorkerSelectorsExpired: true,
  RouterJobWaitingForActivation: true,
  RouterWorkerOfferIssued: true,
  RouterWorkerOfferAccepted: true,
  RouterWorkerOfferDeclined: true,
  RouterWorkerOfferRevoked: true,
  RouterWorkerOfferExpired: true,
  RouterWorkerRegistered: true,
  RouterWorkerDeregistered: true,
};

/** `","eventType":"Microsoft.Communication.{type}","subject":` of each event type, encoded once. */
const EVENT_TYPE_PARTS = Object.fromEntries(
  Object.keys(EVENT_TYPES).map((type) => [
    type,
    asciiFragment(`","eventType":"Microsoft.Communication.${type}","subject":`),
  ]),
) as Readonly<Record<RouterEvent["type"], Fragment>>;

/** Room for one line of the usual size (a longer one grows the buffer). */
const LINE_BYTES = 4096;

/** Turns router events into Event Grid events, numbering them in call order. */
export class EventGridSerializer implements TimestampWriter {
  private readonly startMilliseconds: number;
  private sequence = 0;
  private cachedDay = Number.NaN;
  private dayPrefix: Fragment = asciiFragment("");
  /**
   * The last two timestamps formatted: events come in bursts at one instant, and an offer's
   * expiry (later) sits between events of the present.
   */
  private recentMilliseconds = Number.NaN;
  private recentTimestamp = new Fragment(new Uint8Array(ISO_TIMESTAMP_BYTES));
  private olderMilliseconds = Number.NaN;
  private olderTimestamp = new Fragment(new Uint8Array(ISO_TIMESTAMP_BYTES));
  /** Where a new timestamp is formatted before it is cached. */
  private readonly scratch = new JsonBytes(32);
  /** Lines asked for as text are written here first. */
  private lineBytes: JsonBytes | null = null;

  constructor(private readonly options: EventGridOptions) {
    this.startMilliseconds = Date.parse(options.startTime);
    if (Number.isNaN(this.startMilliseconds)) {
      throw new RangeError(`startTime is not an ISO-8601 time: ${options.startTime}`);
    }
  }

  /** The wall-clock timestamp of a simulated time, ISO with milliseconds. */
  timestamp(timeSeconds: number): string {
    const out = new JsonBytes(32);
    this.writeTimestamp(out, timeSeconds);
    return out.takeText();
  }

  /**
   * Writes the timestamp of a simulated time. Events come in time order, so the last two
   * timestamps and the current day's `YYYY-MM-DDT` are cached: most calls copy a timestamp, the
   * others format the time of day as digits.
   */
  writeTimestamp(out: JsonBytes, timeSeconds: number): void {
    const milliseconds = this.startMilliseconds + Math.round(timeSeconds * 1000);
    if (milliseconds === this.recentMilliseconds) {
      out.raw(this.recentTimestamp);
      return;
    }
    if (milliseconds !== this.olderMilliseconds) {
      // The older one makes way: formatted afresh, it becomes the recent one below.
      this.formatTimestamp(this.scratch, milliseconds);
      this.olderTimestamp = this.scratch.takeFragment(this.olderTimestamp);
      this.olderMilliseconds = milliseconds;
    }
    const recent = this.recentTimestamp;
    const recentMilliseconds = this.recentMilliseconds;
    this.recentTimestamp = this.olderTimestamp;
    this.recentMilliseconds = this.olderMilliseconds;
    this.olderTimestamp = recent;
    this.olderMilliseconds = recentMilliseconds;
    out.raw(this.recentTimestamp);
  }

  private formatTimestamp(out: JsonBytes, milliseconds: number): void {
    // Outside Date's range (or NaN) toISOString throws, as it should.
    if (!(Math.abs(milliseconds) <= MAX_DATE_MILLISECONDS)) {
      out.ascii(new Date(milliseconds).toISOString());
      return;
    }
    const day = Math.floor(milliseconds / MILLISECONDS_PER_DAY);
    if (day !== this.cachedDay) {
      // "YYYY-MM-DDT" of "…THH:MM:SS.mmmZ" (the last 13 characters), whatever the year's width.
      this.dayPrefix = asciiFragment(
        new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, -13),
      );
      this.cachedDay = day;
    }
    let rest = milliseconds - day * MILLISECONDS_PER_DAY;
    const hour = Math.floor(rest / 3_600_000);
    rest -= hour * 3_600_000;
    const minute = Math.floor(rest / 60_000);
    rest -= minute * 60_000;
    const second = Math.floor(rest / 1000);
    out.raw(this.dayPrefix);
    out.twoDigits(hour);
    out.byte(COLON);
    out.twoDigits(minute);
    out.byte(COLON);
    out.twoDigits(second);
    out.byte(DOT);
    out.threeDigits(rest - second * 1000);
    out.byte(ZULU);
  }

  /** Writes the next event of the stream as one line of `events.jsonl`, newline included. */
  writeLine(out: JsonBytes, event: RouterEvent): void {
    const sequence = this.sequence++;
    out.raw(ID_OPEN);
    hashEventId(this.options.seed, this.options.replication, sequence);
    writeIdWords(out);
    out.raw(EVENT_TYPE_PARTS[event.type]);
    writeSubject(out, event);
    out.raw(EVENT_TIME);
    this.writeTimestamp(out, event.timeSeconds);
    out.raw(DATA);
    writeEventData(out, event, this);
    out.raw(LINE_END);
  }

  /** The next event of the stream as one JSON line, without the newline. */
  serializeLine(event: RouterEvent): string {
    this.lineBytes ??= new JsonBytes(LINE_BYTES);
    this.writeLine(this.lineBytes, event);
    return this.lineBytes.takeText().slice(0, -1);
  }

  /** The next event of the stream as an object (its line, parsed). */
  serialize(event: RouterEvent): EventGridEvent {
    return JSON.parse(this.serializeLine(event)) as EventGridEvent;
  }
}
