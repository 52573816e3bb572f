/**
 * The service's wire format (REST API 2023-11-01), the parts every resource shares: JSON
 * objects, the 400 a body earns (`WireError`, with the field at fault), timestamps from the
 * server's time origin, property names matched case-insensitively as the service matches them,
 * typed reads of optional fields (read-only fields sent back are simply never read), and labels
 * merged as JSON merge-patch (`null` removes a key). Each resource's own JSON and request
 * reading live beside it: wire-jobs.ts, wire-workers.ts, wire-administration.ts.
 */
import { isLabelValue, labelsEqual } from "../router/index.ts";
import type { Labels, LabelValue } from "../router/types.ts";
import { routerKind } from "./wire-kinds.ts";

/** A JSON object as parsed. */
export type JsonObject = { readonly [key: string]: unknown };

/** A request body the service refuses (400), with the field it is about. */
export class WireError extends Error {
  override readonly name = "WireError";
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
  }
}

/** Turns simulated seconds into the service's timestamps. */
export interface TimeFormat {
  /** Milliseconds since the Unix epoch at simulated time 0. */
  readonly originMs: number;
}

/** Simulated seconds as an ISO-8601 UTC timestamp. */
export function isoTime(time: TimeFormat, seconds: number): string {
  return new Date(time.originMs + seconds * 1000).toISOString();
}

/** An ISO-8601 timestamp as simulated seconds, or null when it is not one. */
export function secondsOfIso(time: TimeFormat, text: string): number | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : (ms - time.originMs) / 1000;
}

/** The entries whose value is set (the service leaves absent values out). */
export function withoutNulls(entries: Record<string, unknown>): JsonObject {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}

// --- Requests ----------------------------------------------------------------------------------

/**
 * `body`'s own properties renamed to the canonical spelling of `names` when they match one
 * case-insensitively (the service's matching); others keep their spelling and are ignored.
 */
export function canonicalProperties(body: JsonObject, names: readonly string[]): JsonObject {
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    result[byLowerCase.get(key.toLowerCase()) ?? key] = value;
  }
  return result;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `patch` applied to `target` as a JSON merge-patch (RFC 7396), the service's rule for upserts:
 * objects merge key by key, `null` removes a key, anything else (arrays too) replaces. Keys
 * match case-insensitively, as the service matches property names; a matched key keeps the
 * target's spelling. A polymorphic object whose `kind` changes is replaced, not merged: the
 * recorded service takes a static prioritization rule changed into an expression rule without
 * the static rule's `value` (test/serve/merge-patch.test.ts).
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const kindChanges =
    isPlainObject(target) &&
    typeof target.kind === "string" &&
    typeof patch.kind === "string" &&
    routerKind(target.kind) !== routerKind(patch.kind);
  const result: Record<string, unknown> =
    isPlainObject(target) && !kindChanges ? { ...target } : {};
  const keyOf = new Map(Object.keys(result).map((key) => [key.toLowerCase(), key]));
  for (const [patchKey, value] of Object.entries(patch)) {
    const key = keyOf.get(patchKey.toLowerCase()) ?? patchKey;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** The body of a request as an object (an absent body is an empty one). */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new WireError("the request body must be a JSON object", "body");
  }
  return body as JsonObject;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new WireError(`${field} must be a string`, field);
  return value;
}

export function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new WireError(`${field} must be a finite number`, field);
  }
  return value;
}

export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new WireError(`${field} must be true or false`, field);
  return value;
}

/**
 * Labels (or tags) after a merge-patch of `current` with `patch`: keys set to `null` go, others
 * are set; undefined when the patch does not name the field.
 */
export function mergedLabels(current: Labels, patch: unknown, field: string): Labels | undefined {
  if (patch === undefined) return undefined;
  if (patch === null) return {};
  if (typeof patch !== "object" || Array.isArray(patch)) {
    throw new WireError(`${field} must be an object of strings, numbers and booleans`, field);
  }
  const merged: Record<string, LabelValue> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isLabelValue(value)) merged[key] = value;
    else throw new WireError(`${field}.${key} must be a string, a number or a boolean`, field);
  }
  return merged;
}

/** Whether `patched` (a merge-patch result; undefined when no patch was sent) equals `current`. */
export function sameLabels(patched: Labels | undefined, current: Labels): boolean {
  return patched === undefined || labelsEqual(patched, current);
}
