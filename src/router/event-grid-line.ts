/**
 * The Event Grid line writer: builds the JSON text of one `events.jsonl` line directly from a
 * router event, without the intermediate Event Grid object and `JSON.stringify`, and gives
 * exactly the bytes `JSON.stringify(serializer.serialize(event))` gives (the data fields in the
 * event's own key order, renamed time fields appended in `dataOf`'s order, undefined members
 * skipped). Strings go through `JSON.stringify` only when they need escaping.
 */
import type { RouterEvent } from "./events.ts";
import type { WorkerSelector } from "./types.ts";

/** A JSON string literal. */
export function quoteJson(text: string): string {
  // A loop over char codes beats a regular expression on the short strings of events.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Quote, backslash, control characters and surrogate halves need JSON.stringify's care.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

/**
 * Any JSON-like value as `JSON.stringify` writes it (no `toJSON`, no cycles: events hold only
 * strings, numbers, booleans, null, arrays and plain objects). Undefined → undefined.
 */
export function jsonValue(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return quoteJson(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? jsonArray(value) : jsonObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

function jsonArray(items: readonly unknown[]): string {
  let text = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ",";
    text += jsonValue(items[i]) ?? "null";
  }
  return `${text}]`;
}

function jsonObject(object: Record<string, unknown>): string {
  let text = "{";
  let first = true;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const member = jsonValue(object[key]);
    if (member === undefined) continue;
    text += first ? `${quoteJson(key)}:${member}` : `,${quoteJson(key)}:${member}`;
    first = false;
  }
  return `${text}}`;
}

/**
 * Whether a data key holds a selector list, written in the service's selector shape: the four
 * such keys (requested, attached, expiredRequested, expiredAttached) all end so.
 */
function isSelectorKey(key: string): boolean {
  return key.endsWith("WorkerSelectors");
}

/** Time fields the data replaces by a timestamp field appended at its end, per event type. */
const RENAMED_TIMES: Readonly<
  Partial<Record<RouterEvent["type"], readonly (readonly [string, string])[]>>
> = {
  RouterJobReceived: [["scheduledAtSeconds", "scheduledOn"]],
  RouterJobWaitingForActivation: [["scheduledAtSeconds", "scheduledOn"]],
  RouterWorkerOfferIssued: [
    ["offeredAtSeconds", "offeredOn"],
    ["expiresAtSeconds", "expiresOn"],
  ],
};

const NO_RENAMES: readonly (readonly [string, string])[] = [];

/** Turns simulated seconds into the stream's ISO timestamps. */
export type Timestamp = (timeSeconds: number) => string;

function selectorsJson(selectors: readonly WorkerSelector[], timestamp: Timestamp): string {
  let text = "[";
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    if (i > 0) text += ",";
    text += `{"key":${quoteJson(selector.key)},"labelOperator":${quoteJson(selector.labelOperator)}`;
    const value = jsonValue(selector.value);
    if (value !== undefined) text += `,"value":${value}`;
    const ttl = jsonValue(selector.expiresAfterSeconds);
    if (ttl !== undefined) text += `,"ttlSeconds":${ttl}`;
    const state = jsonValue(selector.status);
    if (state !== undefined) text += `,"state":${state}`;
    const expiresAt = selector.expiresAtSeconds;
    text += `,"expirationTime":${expiresAt === null ? "null" : quoteJson(timestamp(expiresAt))}}`;
  }
  return `${text}]`;
}

/** `queued` → `Queued`. */
function pascal(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** The `data` object of an event as JSON text, as `EventGridSerializer.dataOf` shapes it. */
export function eventDataJson(event: RouterEvent, timestamp: Timestamp): string {
  const renames = RENAMED_TIMES[event.type] ?? NO_RENAMES;
  const fields = event as unknown as Record<string, unknown>;
  let text = "{";
  let first = true;
  for (const key in fields) {
    if (key === "type" || key === "timeSeconds" || !Object.hasOwn(fields, key)) continue;
    if (isRenamed(renames, key)) continue;
    const value = fields[key];
    let member: string | undefined;
    if (isSelectorKey(key) && Array.isArray(value)) {
      member = selectorsJson(value as readonly WorkerSelector[], timestamp);
    } else if (key === "jobStatus" && event.type === "RouterJobReceived") {
      member = quoteJson(pascal(value as string));
    } else {
      member = jsonValue(value);
    }
    if (member === undefined) continue;
    text += first ? `"${key}":${member}` : `,"${key}":${member}`;
    first = false;
  }
  for (let i = 0; i < renames.length; i++) {
    const [secondsField, timeField] = renames[i] as readonly [string, string];
    const seconds = fields[secondsField] as number | null;
    const time = seconds === null ? "null" : quoteJson(timestamp(seconds));
    text += first ? `"${timeField}":${time}` : `,"${timeField}":${time}`;
    first = false;
  }
  return `${text}}`;
}

function isRenamed(renames: readonly (readonly [string, string])[], key: string): boolean {
  for (let i = 0; i < renames.length; i++)
    if ((renames[i] as readonly [string, string])[0] === key) return true;
  return false;
}
