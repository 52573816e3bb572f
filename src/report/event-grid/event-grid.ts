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
import { DATA, EVENT_TIME, EVENT_TYPE_PARTS, ID_OPEN, LINE_END } from "./event-grid-envelope.ts";
import { type TimestampWriter, writeEventData } from "./event-grid-line.ts";
import { writeSubject } from "./event-grid-subject.ts";
import { UsualLines } from "./event-grid-usual-line.ts";
import { asciiFragment, Fragment, JsonBytes, writeTimeOfDayAt } from "./json-bytes.ts";

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
const MILLISECONDS_PER_DAY = 86_400_000;
/** `YYYY-MM-DDTHH:MM:SS.mmmZ` (years 0 to 9999). */
const ISO_TIMESTAMP_BYTES = 24;
/** `YYYY-MM-DDT` (years 0 to 9999). */
const DAY_PREFIX_BYTES = 11;

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

/**
 * The ids of one stream (seed, replication): each event's id hashes (seed, replication,
 * sequence) through four lanes of murmur3 finalisers. What depends on the seed and replication
 * alone (the start state, each lane's salt, the first lane's first two steps) is computed once.
 */
class EventIds {
  private readonly replication: number;
  private readonly firstLaneStart: number;
  private readonly salts: readonly [number, number, number];

  constructor(seed: number, replication: number) {
    const seedHigh = Math.floor(seed / 2 ** 32) >>> 0;
    const salt = (lane: number) => seedHigh ^ Math.imul(lane + 1, 0x27d4eb2f);
    this.replication = replication;
    this.firstLaneStart = mix32(mix32(mix32((seed >>> 0) ^ 0x9e3779b9) ^ salt(0)) ^ replication);
    this.salts = [salt(1), salt(2), salt(3)];
  }

  /** The id of event `sequence`, as a UUID (version 8 and the RFC variant set), into `out`. */
  write(out: JsonBytes, sequence: number): void {
    const low = sequence >>> 0;
    const high = Math.floor(sequence / 2 ** 32) >>> 0;
    const replication = this.replication;
    const [salt1, salt2, salt3] = this.salts;
    const first = mix32(mix32(this.firstLaneStart ^ low) ^ high);
    const second = mix32(mix32(mix32(mix32(first ^ salt1) ^ replication) ^ low) ^ high);
    const third = mix32(mix32(mix32(mix32(second ^ salt2) ^ replication) ^ low) ^ high);
    const fourth = mix32(mix32(mix32(mix32(third ^ salt3) ^ replication) ^ low) ^ high);
    out.uuid(
      first,
      (second & 0xffff0fff) | 0x00008000, // version 8
      (third & 0x3fffffff) | 0x80000000, // RFC variant
      fourth,
    );
  }
}

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") from (seed, replication, sequence): the same
 * inputs always give the same id; different inputs give different ids with overwhelming odds.
 */
export function deterministicEventId(seed: number, replication: number, sequence: number): string {
  const out = new JsonBytes(36);
  new EventIds(seed, replication).write(out, sequence);
  return out.takeText();
}

export { pascalStatus } from "./event-grid-line.ts";

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

  private readonly ids: EventIds;
  /** The usual events' lines from kept pieces; null: every line by the general path. */
  private readonly usualLines: UsualLines | null;

  /**
   * `generalOnly` writes every line by the general path (the reference the kept pieces are
   * tested against).
   */
  constructor(
    options: EventGridOptions,
    { generalOnly = false }: { readonly generalOnly?: boolean } = {},
  ) {
    this.usualLines = generalOnly ? null : new UsualLines(this);
    this.ids = new EventIds(options.seed, options.replication);
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
      this.olderTimestamp = this.formatted(milliseconds, this.olderTimestamp);
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

  /**
   * The timestamp of `milliseconds`, written over `reuse`'s bytes when both have the usual
   * length (years 0 to 9999), digit by digit after the day's cached prefix; otherwise through
   * `formatTimestamp`.
   */
  private formatted(milliseconds: number, reuse: Fragment): Fragment {
    if (Math.abs(milliseconds) <= MAX_DATE_MILLISECONDS) {
      const day = Math.floor(milliseconds / MILLISECONDS_PER_DAY);
      const prefix = this.dayPrefixOf(day).bytes;
      if (prefix.length === DAY_PREFIX_BYTES && reuse.length === ISO_TIMESTAMP_BYTES) {
        const bytes = reuse.bytes;
        for (let i = 0; i < DAY_PREFIX_BYTES; i++) bytes[i] = prefix[i] as number;
        writeTimeOfDayAt(bytes, DAY_PREFIX_BYTES, milliseconds - day * MILLISECONDS_PER_DAY);
        return reuse;
      }
    }
    this.formatTimestamp(this.scratch, milliseconds);
    return this.scratch.takeFragment(reuse);
  }

  /** "YYYY-MM-DDT" of a day since the epoch ("…THH:MM:SS.mmmZ" less its last 13 characters). */
  private dayPrefixOf(day: number): Fragment {
    if (day !== this.cachedDay) {
      this.dayPrefix = asciiFragment(
        new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, -13),
      );
      this.cachedDay = day;
    }
    return this.dayPrefix;
  }

  private formatTimestamp(out: JsonBytes, milliseconds: number): void {
    // Outside Date's range (or NaN) toISOString throws, as it should.
    if (!(Math.abs(milliseconds) <= MAX_DATE_MILLISECONDS)) {
      out.ascii(new Date(milliseconds).toISOString());
      return;
    }
    const day = Math.floor(milliseconds / MILLISECONDS_PER_DAY);
    out.raw(this.dayPrefixOf(day));
    out.timeOfDay(milliseconds - day * MILLISECONDS_PER_DAY);
  }

  /** Writes the next event of the stream as one line of `events.jsonl`, newline included. */
  writeLine(out: JsonBytes, event: RouterEvent): void {
    const sequence = this.sequence++;
    out.raw(ID_OPEN);
    this.ids.write(out, sequence);
    if (this.usualLines?.write(out, event, this)) return;
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
