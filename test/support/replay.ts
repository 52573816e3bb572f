/**
 * Replays a session recorded against the live Job Router service (recordings.ts) on ccsim's
 * service, in process, and lists every place where ccsim's answer differs from the recorded
 * one: the status, the error code and every field of the body, with these rules of comparison
 * (docs/serve-recordings.md states them for readers):
 *
 * - Time: ccsim's clock starts at the recording's first request and moves to each request's
 *   recorded time before answering it. Timestamps agree when they are within 6 s of each other
 *   (a request's recorded time is the client's clock, in whole seconds, up to 5 s ahead of the
 *   service's), and so do minutes counted since a time (`longestJobWaitTimeMinutes`).
 * - Kinds are compared as the scenario format names them: the service spelt them in kebab-case
 *   before API 2023-11-01's release and in camelCase after (src/serve/wire-kinds.ts).
 * - Ids the service makes (offer, assignment and exception action ids are GUIDs there, and
 *   `offer-N`, `assignment-N`, `<rule>-action-N` in ccsim): the first
 *   time a recorded id meets ccsim's in the same place, the two are paired; from then on the
 *   recorded id in a later request's path or body is sent as ccsim's, and must meet it again.
 * - ETags are opaque and sanitized in the recordings: only their presence is compared, and a
 *   conditional request carries ccsim's current ETag of the resource (a client sends back the
 *   one it read).
 * - Errors: the code, `x-ms-error-code` and the details' codes are compared; messages and
 *   targets are each service's own words.
 * - Lists: the live resource also held other sessions' resources, so a listing compares only
 *   the items this session created, gathered over all its pages, and follows ccsim's own pages
 *   (page sizes ≤ `maxpagesize` are checked); a recorded request for a further page is not sent.
 */
import type { ServiceResponse } from "../../src/serve/answers.ts";
import { JobRouterService } from "../../src/serve/service.ts";
import { routerKind } from "../../src/serve/wire-kinds.ts";
import type { RecordedExchange, Recording } from "./recordings.ts";

/** One place where ccsim's answer differs from the recorded one. */
export interface Difference {
  /** Index of the exchange in the recording. */
  readonly exchange: number;
  /** `METHOD /path` of the recorded request. */
  readonly request: string;
  /** Where: `status`, `errorCode`, or a JSON pointer into the answer's body. */
  readonly where: string;
  /** The recorded value (`undefined` when the field is absent there). */
  readonly recorded: unknown;
  /** ccsim's value (`undefined` when absent). */
  readonly ours: unknown;
  /** ccsim's error message, when the difference is ccsim refusing what the service did. */
  readonly message?: string;
}

export interface ReplayResult {
  readonly recording: string;
  readonly exchanges: number;
  /** Requests actually sent to ccsim (further pages of a listing are not). */
  readonly sent: number;
  readonly differences: readonly Difference[];
}

/**
 * Recorded timestamps and ccsim's agree within this: a request's recorded time is the client's
 * `x-ms-date`, in whole seconds, and the .NET recordings' clients ran up to 5 s ahead of the
 * service's own clock.
 */
const TIMESTAMP_TOLERANCE_MS = 6000;
/** Fields counting minutes since a time, held to the same tolerance. */
const MINUTES_SINCE_FIELDS = new Set(["longestJobWaitTimeMinutes"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
/** Fields holding an id the service makes. */
const MADE_ID_FIELDS = new Set(["offerId", "assignmentId"]);
/** Objects keyed by an id the service makes. */
const MADE_ID_KEYED = new Set(["assignments"]);

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A listing's request: GET on a collection (`/routing/queues`, `/routing/workers`…). */
function isListing(exchange: RecordedExchange): boolean {
  return exchange.method === "GET" && /^\/routing\/[A-Za-z]+$/.test(exchange.path);
}

/** The listing under way: the recorded items so far and ccsim's, all pages. */
interface Listing {
  readonly collection: string;
  readonly recordedItems: Json[];
  readonly ourItems: Json[];
  readonly firstExchange: number;
}

class Replay {
  private readonly service: JobRouterService;
  private readonly originMs: number;
  /** Recorded made-up id → ccsim's. */
  private readonly ids = new Map<string, string>();
  /** Ids of the resources this session created or changed (by collection). */
  private readonly ownIds = new Map<string, Set<string>>();
  private readonly differences: Difference[] = [];
  private listing: Listing | null = null;
  private index = 0;
  private request = "";
  sent = 0;

  constructor(readonly recording: Recording) {
    const first = recording.exchanges[0];
    this.originMs = first === undefined ? 0 : Date.parse(first.at);
    this.service = new JobRouterService({
      config: { distributionPolicies: [], queues: [] },
      time: { originMs: this.originMs },
    });
  }

  run(): ReplayResult {
    this.recording.exchanges.forEach((exchange, index) => {
      this.index = index;
      this.request = `${exchange.method} ${exchange.path}`;
      this.service.advanceTo((Date.parse(exchange.at) - this.originMs) / 1000);
      if (isListing(exchange)) this.list(exchange);
      else this.exchange(exchange);
    });
    return {
      recording: this.recording.name,
      exchanges: this.recording.exchanges.length,
      sent: this.sent,
      differences: this.differences,
    };
  }

  private differ(where: string, recorded: unknown, ours: unknown): void {
    this.differences.push({ exchange: this.index, request: this.request, where, recorded, ours });
  }

  private send(
    method: string,
    path: string,
    query: Readonly<Record<string, string>>,
    body: unknown,
    headers?: Readonly<Record<string, string>>,
  ): ServiceResponse {
    this.sent += 1;
    const conditions: { ifMatch?: string; ifNoneMatch?: string } = {};
    if (headers !== undefined) {
      for (const [name, value] of Object.entries(headers)) {
        const header = name.toLowerCase();
        const etag = value === "*" ? "*" : this.currentEtag(path);
        if (header === "if-match") conditions.ifMatch = etag;
        if (header === "if-none-match") conditions.ifNoneMatch = etag;
      }
    }
    return this.service.handle({
      method,
      path,
      query: new URLSearchParams(query),
      body: body === null ? undefined : body,
      conditions,
    });
  }

  /** ccsim's ETag of the resource at `path` now (what a client that read it would send). */
  private currentEtag(path: string): string {
    const read = this.service.handle({
      method: "GET",
      path,
      query: new URLSearchParams({ "api-version": "2023-11-01" }),
      body: undefined,
    });
    return read.headers?.ETag ?? read.headers?.etag ?? "";
  }

  private exchange(exchange: RecordedExchange): void {
    const path = this.ourPath(exchange.path);
    const match = /^\/routing\/([A-Za-z]+)\/([^/:]+)$/.exec(path);
    if (match !== null && exchange.method === "PATCH") {
      const [, collection = "", id = ""] = match;
      const own = this.ownIds.get(collection) ?? new Set<string>();
      own.add(decodeURIComponent(id));
      this.ownIds.set(collection, own);
    }
    const answer = this.send(
      exchange.method,
      path,
      exchange.query,
      this.ourIdsIn(exchange.body),
      exchange.headers,
    );
    this.compareAnswer(exchange, answer);
  }

  private compareAnswer(exchange: RecordedExchange, answer: ServiceResponse): void {
    if (answer.status !== exchange.status) {
      const error = answer.body?.communicationError;
      const message =
        isObject(error) && typeof error.message === "string" ? error.message : undefined;
      this.differences.push({
        exchange: this.index,
        request: this.request,
        where: "status",
        recorded: exchange.status,
        ours: answer.status,
        ...(message === undefined ? {} : { message }),
      });
      return;
    }
    // The recordings keep only some response headers: the code is compared where they kept it.
    const ourCode = answer.headers?.["x-ms-error-code"];
    if (exchange.errorCode !== undefined && exchange.errorCode !== ourCode)
      this.differ("errorCode", exchange.errorCode, ourCode);
    if (exchange.status >= 400 || answer.status >= 400) {
      this.compareErrors(exchange.response, answer.body);
      return;
    }
    const recorded =
      exchange.response === null || (isObject(exchange.response) && isEmpty(exchange.response))
        ? undefined
        : exchange.response;
    const ours = answer.body === undefined || isEmpty(answer.body) ? undefined : answer.body;
    this.compare(recorded, ours, "");
  }

  private compareErrors(recorded: Json, ours: Json): void {
    const code = (body: Json): Json =>
      isObject(body) && isObject(body.communicationError)
        ? body.communicationError.code
        : undefined;
    const details = (body: Json): Json => {
      if (!isObject(body) || !isObject(body.communicationError)) return undefined;
      const list = body.communicationError.details;
      return Array.isArray(list)
        ? list.map((detail) => (isObject(detail) ? detail.code : undefined))
        : undefined;
    };
    if (code(recorded) !== code(ours))
      this.differ("/communicationError/code", code(recorded), code(ours));
    const recordedDetails = details(recorded);
    if (recordedDetails !== undefined && (recordedDetails as Json[]).length > 0) {
      const ourDetails = details(ours);
      if (JSON.stringify(recordedDetails) !== JSON.stringify(ourDetails))
        this.differ("/communicationError/details", recordedDetails, ourDetails);
    }
  }

  private list(exchange: RecordedExchange): void {
    const collection = exchange.path.slice("/routing/".length);
    const recordedPage = isObject(exchange.response) ? exchange.response : {};
    const continuation = exchange.query.continuationToken !== undefined;
    if (!continuation || this.listing === null || this.listing.collection !== collection) {
      this.listing = {
        collection,
        recordedItems: [],
        ourItems: [],
        firstExchange: this.index,
      };
      this.followOurPages(exchange);
    }
    const items = recordedPage.value;
    if (Array.isArray(items)) this.listing.recordedItems.push(...items);
    if (recordedPage.nextLink === undefined || recordedPage.nextLink === null) {
      this.compareListing(this.listing);
      this.listing = null;
    }
  }

  /** Sends the listing's first request and follows ccsim's nextLinks to its last page. */
  private followOurPages(exchange: RecordedExchange): void {
    const listing = this.listing;
    if (listing === null) return;
    const limit = Number(exchange.query.maxpagesize ?? Number.POSITIVE_INFINITY);
    let path = exchange.path;
    let query: Record<string, string> = { ...exchange.query };
    delete query.continuationToken;
    for (;;) {
      const answer = this.send("GET", path, query, undefined);
      if (answer.status !== exchange.status) {
        this.differ("status", exchange.status, answer.status);
        return;
      }
      const page = answer.body ?? {};
      const value = Array.isArray(page.value) ? page.value : [];
      if (value.length > limit) this.differ("/value (page size)", `≤ ${limit}`, value.length);
      listing.ourItems.push(...value);
      const next = page.nextLink;
      if (typeof next !== "string") return;
      const url = new URL(next, "http://ccsim.invalid");
      path = url.pathname;
      query = { ...Object.fromEntries(url.searchParams), "api-version": "2023-11-01" };
    }
  }

  private compareListing(listing: Listing): void {
    const own = this.ownIds.get(listing.collection) ?? new Set<string>();
    const idOf = (item: Json): string | undefined =>
      isObject(item) && typeof item.id === "string" ? item.id : undefined;
    const ours = new Map<string, Json>();
    for (const item of listing.ourItems) {
      const id = idOf(item);
      if (id !== undefined) ours.set(id, item);
    }
    const recorded = new Map<string, Json>();
    for (const item of listing.recordedItems) {
      const id = idOf(item);
      if (id !== undefined && own.has(id)) recorded.set(id, item);
    }
    for (const [id, item] of recorded) this.compare(item, ours.get(id), `/value[id=${id}]`);
    for (const [id, item] of ours) {
      if (!recorded.has(id)) this.differ(`/value[id=${id}]`, undefined, item);
    }
  }

  /** A recorded path with ccsim's ids in place of the recorded made-up ones it contains. */
  private ourPath(path: string): string {
    return path
      .split("/")
      .map((segment) => {
        const [id = "", action] = segment.split(":");
        const ours = this.ids.get(id);
        return ours === undefined ? segment : action === undefined ? ours : `${ours}:${action}`;
      })
      .join("/");
  }

  private ourIdsIn(body: Json): Json {
    if (typeof body === "string") return this.ids.get(body) ?? body;
    if (Array.isArray(body)) return body.map((item) => this.ourIdsIn(item));
    if (isObject(body))
      return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, this.ourIdsIn(v)]));
    return body;
  }

  /** Pairs a recorded made-up id with ccsim's, or checks an existing pairing. */
  private pairIds(recorded: Json, ours: Json, where: string): void {
    if (typeof recorded !== "string" || typeof ours !== "string") {
      this.differ(where, recorded, ours);
      return;
    }
    const known = this.ids.get(recorded);
    if (known === undefined) this.ids.set(recorded, ours);
    else if (known !== ours) this.differ(where, recorded, ours);
  }

  private compare(recorded: Json, ours: Json, where: string): void {
    const key = where.slice(where.lastIndexOf("/") + 1);
    if (recorded === undefined && ours === undefined) return;
    if (recorded === undefined || ours === undefined) {
      this.differ(where, recorded, ours);
      return;
    }
    if (key === "etag") {
      if (typeof ours !== "string") this.differ(where, recorded, ours);
      return;
    }
    if (
      MADE_ID_FIELDS.has(key) ||
      (key === "id" && typeof recorded === "string" && GUID.test(recorded))
    ) {
      this.pairIds(recorded, ours, where);
      return;
    }
    if (key === "kind" && typeof recorded === "string" && typeof ours === "string") {
      if (routerKind(recorded) !== routerKind(ours)) this.differ(where, recorded, ours);
      return;
    }
    if (MINUTES_SINCE_FIELDS.has(key) && typeof recorded === "number") {
      const apart = typeof ours === "number" ? Math.abs(recorded - ours) * 60_000 : Number.NaN;
      if (!(apart <= TIMESTAMP_TOLERANCE_MS)) this.differ(where, recorded, ours);
      return;
    }
    if (typeof recorded === "string" && ISO_TIME.test(recorded)) {
      const apart =
        typeof ours === "string" ? Math.abs(Date.parse(recorded) - Date.parse(ours)) : Number.NaN;
      if (!(apart <= TIMESTAMP_TOLERANCE_MS)) this.differ(where, recorded, ours);
      return;
    }
    if (Array.isArray(recorded)) {
      if (!Array.isArray(ours) || ours.length !== recorded.length) {
        this.differ(where, recorded, ours);
        return;
      }
      for (const [index, item] of recorded.entries()) {
        this.compare(item, ours[index], `${where}/${index}`);
      }
      return;
    }
    if (isObject(recorded)) {
      if (!isObject(ours)) {
        this.differ(where, recorded, ours);
        return;
      }
      if (MADE_ID_KEYED.has(key)) {
        this.compareKeyedByMadeIds(recorded, ours, where);
        return;
      }
      const keys = new Set([...Object.keys(recorded), ...Object.keys(ours)]);
      for (const name of keys) this.compare(recorded[name], ours[name], `${where}/${name}`);
      return;
    }
    if (recorded !== ours) this.differ(where, recorded, ours);
  }

  /** An object keyed by made-up ids: entries paired in order where not paired already. */
  private compareKeyedByMadeIds(
    recorded: Record<string, Json>,
    ours: Record<string, Json>,
    where: string,
  ): void {
    const unpaired = Object.keys(ours).filter((id) => ![...this.ids.values()].includes(id));
    for (const id of Object.keys(recorded)) {
      const paired = this.ids.get(id) ?? (GUID.test(id) ? unpaired.shift() : id);
      if (paired !== undefined && !this.ids.has(id) && paired !== id) this.ids.set(id, paired);
      this.compare(recorded[id], paired === undefined ? undefined : ours[paired], `${where}/${id}`);
    }
    const pairedOurs = new Set(Object.keys(recorded).map((id) => this.ids.get(id) ?? id));
    for (const id of Object.keys(ours)) {
      if (!pairedOurs.has(id)) this.differ(`${where}/${id}`, undefined, ours[id]);
    }
  }
}

function isEmpty(body: object): boolean {
  return Object.keys(body).length === 0;
}

/** Replays `recording` on a fresh ccsim service and lists the differences. */
export function replay(recording: Recording): ReplayResult {
  return new Replay(recording).run();
}
