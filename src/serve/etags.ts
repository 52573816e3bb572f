/**
 * ETags and the conditional requests the SDKs send (`If-Match`, `If-None-Match`): a resource's
 * ETag is a hash of its JSON as the service answers it (without the etag itself), so it changes
 * exactly when something a client can read changes, whether a request or the router's own
 * matching changed it. A write whose condition fails answers 412 and changes nothing.
 * `If-Unmodified-Since` is not checked (the service's resources carry no modification time
 * here).
 */
import { createHash } from "node:crypto";
import type { JsonObject } from "./wire.ts";

/** The ETag of a resource's JSON (quoted, as the header carries it). */
export function etagOf(resource: JsonObject): string {
  const { etag: _etag, ...content } = resource;
  const digest = createHash("sha256").update(canonicalJson(content)).digest("base64url");
  return `"${digest.slice(0, 22)}"`;
}

/** JSON with object keys sorted at every depth: the same content, the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** `resource` with its `etag` field. */
export function withEtag(resource: JsonObject): JsonObject {
  return { ...resource, etag: etagOf(resource) };
}

/** The conditions of a request, as its headers give them. */
export interface Conditions {
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
}

function listed(header: string, etag: string): boolean {
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * Why a write's conditions fail against the resource as it is (undefined: it does not exist),
 * or null when they hold.
 */
export function conditionProblem(
  conditions: Conditions,
  current: JsonObject | undefined,
): string | null {
  const etag = current === undefined ? null : etagOf(current);
  if (conditions.ifMatch !== undefined) {
    if (etag === null) return "If-Match: the resource does not exist";
    if (!listed(conditions.ifMatch, etag)) {
      return `If-Match: the resource changed (its ETag is now ${etag})`;
    }
  }
  if (
    conditions.ifNoneMatch !== undefined &&
    etag !== null &&
    listed(conditions.ifNoneMatch, etag)
  ) {
    return "If-None-Match: the resource exists";
  }
  return null;
}
