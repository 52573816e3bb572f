/**
 * The Job Router service behind `ccsim serve`: the router on its engine, answering the REST
 * API's operations (api-version 2023-11-01) as a request comes: find the route, read the body
 * into the router's terms (wire.ts), call the router, answer the service's status and JSON or
 * its error shape. Time moves only through `advanceTo` (the clock is the caller's: wall or
 * manual); an operation happens at the current simulated time, and the events it leaves due now
 * fire before its answer. Synchronous and free of I/O: the HTTP server (http-server.ts) feeds it.
 */
import { Engine } from "../engine/engine.ts";
import { type JobView, Router } from "../router/index.ts";
import type { RouterResult } from "../router/results.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
  RouterConfig,
} from "../router/types.ts";
import { type Conditions, canonicalJson, conditionProblem, withEtag } from "./etags.ts";
import { ServiceEvents } from "./events.ts";
import { jobPage, workerPage } from "./listing.ts";
import { type OperationId, type OperationMatch, routeOf } from "./routes.ts";
import {
  bodyObject,
  canonicalProperties,
  classificationPolicyJson,
  classificationPolicySpecOf,
  closeAtSeconds,
  distributionPolicySpecOf,
  isoTime,
  type JsonObject,
  jobJson,
  jobSpecOf,
  noteOptions,
  queueSpecOf,
  queueStatisticsJson,
  type TimeFormat,
  WireError,
  workerJson,
  workerSpecOf,
} from "./wire.ts";

/** The one API version served (the SDKs send theirs as `api-version`). */
export const API_VERSION = "2023-11-01";

/** A request as the service reads it. */
export interface ServiceRequest {
  readonly method: string;
  /** The path, still percent-encoded, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when there is none. */
  readonly body: unknown;
  /** `If-Match` and `If-None-Match`, when sent. */
  readonly conditions?: Conditions;
}

/** An answer: its status and JSON body (none for 204). */
export interface ServiceResponse {
  readonly status: number;
  readonly body?: JsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The HTTP status of each error code the service answers with. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  PreconditionFailed: 412,
  NotImplemented: 501,
};

/** An error in the service's shape (`communicationError`, and the `x-ms-error-code` header). */
export function errorResponse(code: string, message: string, target?: string): ServiceResponse {
  return {
    status: STATUS_OF_CODE[code] ?? 400,
    body: {
      communicationError: {
        code,
        message,
        ...(target === undefined ? {} : { target }),
        details: [],
      },
    },
    headers: { "x-ms-error-code": code },
  };
}

/** What the service is started with. */
export interface ServiceOptions {
  /** The resources it holds from the start (a scenario's policies and queues). */
  readonly config: RouterConfig;
  readonly time: TimeFormat;
  /** Seeds the events' ids (a scenario's seed; default 0): the same requests, the same ids. */
  readonly seed?: number;
}

/**
 * Resources of the administration client as clients gave them: the scenario's, and the
 * distribution policies, classification policies and queues created since (exception policies
 * are read-only so far).
 */
export interface AdministrationResources {
  readonly distributionPolicies: Map<string, DistributionPolicySpec>;
  readonly classificationPolicies: Map<string, ClassificationPolicySpec>;
  readonly exceptionPolicies: ReadonlyMap<string, ExceptionPolicySpec>;
  readonly queues: Map<string, QueueSpec>;
}

function byId<T extends { readonly id: string }>(specs: readonly T[] | undefined): Map<string, T> {
  return new Map((specs ?? []).map((spec) => [spec.id, spec]));
}

/** A router result as an answer: its value through `toBody`, or its error. */
function answer<T>(result: RouterResult<T>, toBody: (value: T) => JsonObject): ServiceResponse {
  return result.ok
    ? { status: 200, body: toBody(result.value) }
    : errorResponse(result.error.code, result.error.message);
}

const EMPTY_BODY: JsonObject = {};

/** The service: the router, its engine and the administration resources. */
export class JobRouterService {
  readonly engine: Engine;
  readonly router: Router;
  readonly time: TimeFormat;
  /** The router's events in the Event Grid schema, for whoever listens (events.ts). */
  readonly events: ServiceEvents;
  readonly resources: AdministrationResources;
  /** Ids of the jobs created and not deleted, in creation order (listed newest first). */
  readonly jobIds = new Set<string>();

  constructor(options: ServiceOptions) {
    this.engine = new Engine();
    this.router = new Router(this.engine, { ...options.config, retainEndedJobs: true });
    this.time = options.time;
    this.events = new ServiceEvents(this.router, isoTime(this.time, 0), options.seed ?? 0);
    this.resources = {
      distributionPolicies: byId(options.config.distributionPolicies),
      classificationPolicies: byId(options.config.classificationPolicies),
      exceptionPolicies: byId(options.config.exceptionPolicies),
      queues: byId(options.config.queues),
    };
  }

  /** Simulated seconds now. */
  get nowSeconds(): number {
    return this.engine.now;
  }

  /** Fires every router timer due up to `seconds` (offer expiry, exceptions…) and moves there. */
  advanceTo(seconds: number): void {
    if (seconds > this.engine.now) this.engine.runUntil(seconds);
  }

  /** When the next router timer is due, in simulated seconds; null when none is pending. */
  nextTimerSeconds(): number | null {
    return this.engine.nextEventSeconds();
  }

  /** Answers one request at the current simulated time. */
  handle(request: ServiceRequest): ServiceResponse {
    const route = routeOf(request.method, request.path);
    if (route.kind === "unknown") {
      return errorResponse("NotFound", `no Job Router operation at ${request.path}`, "path");
    }
    if (route.kind === "method") {
      return errorResponse(
        "MethodNotAllowed",
        `${request.method} is not an operation on ${request.path} (allowed: ${route.allowed.join(", ")})`,
        "method",
      );
    }
    const version = request.query.get("api-version");
    if (version !== API_VERSION) {
      return errorResponse(
        "BadRequest",
        `ccsim serve speaks api-version=${API_VERSION} only (got ${version === null ? "none" : version}); pass api_version="${API_VERSION}" to the SDK client`,
        "api-version",
      );
    }
    try {
      const resource = RESOURCE_OF[route.operation];
      const conditions = request.conditions ?? {};
      if (
        resource !== undefined &&
        !route.operation.startsWith("get") &&
        (conditions.ifMatch !== undefined || conditions.ifNoneMatch !== undefined)
      ) {
        const problem = conditionProblem(conditions, resource(this, route.ids[0] ?? ""));
        if (problem !== null) return errorResponse("PreconditionFailed", problem);
      }
      const response = this.operate(route, request);
      // Events the operation left due now (none today: matching runs inside the call).
      this.engine.runUntil(this.engine.now);
      return resource === undefined ? response : tagged(response);
    } catch (error) {
      if (error instanceof WireError)
        return errorResponse("BadRequest", error.message, error.target);
      throw error;
    }
  }

  private operate(route: OperationMatch, request: ServiceRequest): ServiceResponse {
    const operation = OPERATIONS[route.operation];
    if (operation === undefined) {
      return errorResponse(
        "NotImplemented",
        `${route.operation} is not implemented by ccsim serve yet (docs/serve.md lists what is)`,
      );
    }
    const [first = "", second = ""] = route.ids;
    return operation(this, first, second, request.body, request.query);
  }

  /** GET of a preloaded resource. */
  answerResource<T>(
    resources: ReadonlyMap<string, T>,
    id: string,
    toJson: (spec: T) => JsonObject = (spec) => spec as JsonObject,
  ): ServiceResponse {
    const spec = resources.get(id);
    return spec === undefined
      ? errorResponse("NotFound", `Resource not found. Id: ${id}`)
      : { status: 200, body: toJson(spec) };
  }

  /** A list of preloaded resources, in one page (the service's `value`). */
  answerList<T>(
    resources: ReadonlyMap<string, T>,
    toJson: (spec: T) => JsonObject = (spec) => spec as JsonObject,
  ): ServiceResponse {
    const value = [...resources.values()].map((resource) => withEtag(toJson(resource)));
    return { status: 200, body: { value } };
  }

  /** GET job: live, or ended and kept until deleted. */
  answerJob(id: string): ServiceResponse {
    const job = this.router.getJob(id);
    return job === undefined
      ? errorResponse("NotFound", `Job not found. JobId: ${id}`)
      : { status: 200, body: jobJson(this.time, job) };
  }

  /** PATCH job: create (201) or update (200), answering the job as it stands after the call. */
  answerUpsertJob(id: string, body: unknown): ServiceResponse {
    const existing = this.router.getJob(id);
    const result = this.router.upsertJob(jobSpecOf(id, body, existing));
    if (!result.ok) return errorResponse(result.error.code, result.error.message);
    const job = this.router.getJob(id);
    if (job === undefined) throw new Error(`ccsim serve bug: job ${id} vanished on upsert`);
    this.jobIds.add(id);
    return { status: existing === undefined ? 201 : 200, body: jobJson(this.time, job) };
  }

  /** PATCH worker: create (201) or update (200). */
  answerUpsertWorker(id: string, body: unknown): ServiceResponse {
    const existing = this.router.getWorker(id);
    const result = this.router.upsertWorker(workerSpecOf(id, body, existing));
    if (!result.ok) return errorResponse(result.error.code, result.error.message);
    return {
      status: existing === undefined ? 201 : 200,
      body: workerJson(this.time, result.value),
    };
  }

  /** The current simulated time as the service writes it. */
  nowIso(): string {
    return isoTime(this.time, this.engine.now);
  }
}

/**
 * One served operation: the service, the path's ids (the job or worker first), the body and the
 * query.
 */
type Operation = (
  service: JobRouterService,
  first: string,
  second: string,
  body: unknown,
  query: URLSearchParams,
) => ServiceResponse;

/**
 * PATCH of a distribution policy or queue: a new one is created (201); an existing one answers
 * 200 when the patch changes nothing, and 400 when it would (not supported yet: the router's
 * queues and jobs hold on to what they were built with).
 */
function upsertResource<T extends { readonly id: string }>(
  resources: Map<string, T>,
  id: string,
  body: unknown,
  noun: string,
  read: (id: string, body: unknown) => T,
  add: (spec: T) => RouterResult<Record<string, never>>,
  toJson: (spec: T) => JsonObject = (spec) => spec as unknown as JsonObject,
): ServiceResponse {
  const existing = resources.get(id);
  if (existing !== undefined) {
    const existingJson = toJson(existing);
    let current: string;
    try {
      current = canonicalJson(read(id, existingJson));
    } catch {
      // Preloaded with what the API cannot express yet (a scoring rule): never the same.
      current = "";
    }
    const patched = canonicalJson(read(id, { ...existingJson, ...bodyObject(body) }));
    if (patched !== current) {
      return errorResponse(
        "BadRequest",
        `changing an existing ${noun} is not supported yet (docs/serve.md); create one with a new id`,
      );
    }
    return { status: 200, body: existingJson };
  }
  const spec = read(id, body);
  const result = add(spec);
  if (!result.ok) return errorResponse(result.error.code, result.error.message);
  resources.set(id, spec);
  return { status: 201, body: toJson(spec) };
}

function deleteJob(service: JobRouterService, id: string): ServiceResponse {
  const result = service.router.deleteJob(id);
  if (!result.ok) return errorResponse(result.error.code, result.error.message);
  service.jobIds.delete(id);
  return { status: 204 };
}

function listJobs(service: JobRouterService, query: URLSearchParams): ServiceResponse {
  const jobs: JobView[] = [];
  for (const id of service.jobIds) {
    const job = service.router.getJob(id);
    if (job !== undefined) jobs.push(job);
  }
  jobs.reverse(); // newest first, as the service lists them
  return {
    status: 200,
    body: jobPage(jobs, query, "/routing/jobs", (job) => withEtag(jobJson(service.time, job))),
  };
}

function listWorkers(service: JobRouterService, query: URLSearchParams): ServiceResponse {
  const workers = service.router.listWorkers();
  return {
    status: 200,
    body: workerPage(workers, query, "/routing/workers", (worker) =>
      withEtag(workerJson(service.time, worker)),
    ),
  };
}

function completeJob(service: JobRouterService, job: string, assignment: string, body: unknown) {
  const { note } = noteOptions(body);
  const options = note === undefined ? {} : { note };
  return answer(service.router.completeJob(job, assignment, options), () => EMPTY_BODY);
}

function closeJob(service: JobRouterService, job: string, assignment: string, body: unknown) {
  const closeAt = closeAtSeconds(service.time, body);
  const options = {
    ...noteOptions(body),
    // A time already past closes now, as the service does.
    ...(closeAt === undefined || closeAt <= service.nowSeconds ? {} : { closeAtSeconds: closeAt }),
  };
  return answer(service.router.closeJob(job, assignment, options), () => EMPTY_BODY);
}

function unassignJob(service: JobRouterService, job: string, assignment: string, body: unknown) {
  const suspend = canonicalProperties(bodyObject(body), ["suspendMatching"]).suspendMatching;
  if (suspend !== undefined && suspend !== null && typeof suspend !== "boolean") {
    throw new WireError("suspendMatching must be true or false", "suspendMatching");
  }
  const options = suspend === true ? { suspendMatching: true } : {};
  return answer(service.router.unassignJob(job, assignment, options), (value) => ({
    jobId: value.jobId,
    unassignmentCount: value.unassignmentCount,
  }));
}

function getWorker(service: JobRouterService, id: string): ServiceResponse {
  const worker = service.router.getWorker(id);
  return worker === undefined
    ? errorResponse("NotFound", `Worker not found. WorkerId: ${id}`)
    : { status: 200, body: workerJson(service.time, worker) };
}

function declineJobOffer(service: JobRouterService, worker: string, offer: string, body: unknown) {
  const retry = canonicalProperties(bodyObject(body), ["retryOfferAt"]).retryOfferAt;
  if (retry !== undefined && retry !== null) {
    throw new WireError("retryOfferAt is not supported yet (docs/serve.md)", "retryOfferAt");
  }
  return answer(service.router.declineJobOffer(worker, offer), () => EMPTY_BODY);
}

/**
 * The operations served so far, by their REST names; the others answer 501 NotImplemented
 * (docs/serve.md lists each with its status, and a test holds the list to this table).
 */
const OPERATIONS: Readonly<Partial<Record<OperationId, Operation>>> = {
  upsertDistributionPolicy: (s, id, _, body) =>
    upsertResource(
      s.resources.distributionPolicies,
      id,
      body,
      "distribution policy",
      distributionPolicySpecOf,
      (spec) => s.router.addDistributionPolicy(spec),
    ),
  upsertClassificationPolicy: (s, id, _, body) =>
    upsertResource(
      s.resources.classificationPolicies,
      id,
      body,
      "classification policy",
      classificationPolicySpecOf,
      (spec) => s.router.addClassificationPolicy(spec),
      classificationPolicyJson,
    ),
  upsertQueue: (s, id, _, body) =>
    upsertResource(s.resources.queues, id, body, "queue", queueSpecOf, (spec) =>
      s.router.addQueue(spec),
    ),
  getDistributionPolicy: (s, id) => s.answerResource(s.resources.distributionPolicies, id),
  listDistributionPolicies: (s) => s.answerList(s.resources.distributionPolicies),
  getClassificationPolicy: (s, id) =>
    s.answerResource(s.resources.classificationPolicies, id, classificationPolicyJson),
  listClassificationPolicies: (s) =>
    s.answerList(s.resources.classificationPolicies, classificationPolicyJson),
  getExceptionPolicy: (s, id) => s.answerResource(s.resources.exceptionPolicies, id),
  listExceptionPolicies: (s) => s.answerList(s.resources.exceptionPolicies),
  getQueue: (s, id) => s.answerResource(s.resources.queues, id),
  listQueues: (s) => s.answerList(s.resources.queues),
  getQueueStatistics: (s, id) => answer(s.router.getQueueStatistics(id), queueStatisticsJson),
  upsertJob: (s, id, _, body) => s.answerUpsertJob(id, body),
  getJob: (s, id) => s.answerJob(id),
  listJobs: (s, _, __, ___, query) => listJobs(s, query),
  deleteJob,
  reclassifyJob: (s, id) => answer(s.router.reclassifyJob(id), () => EMPTY_BODY),
  cancelJob: (s, id, _, body) =>
    answer(s.router.cancelJob(id, noteOptions(body)), () => EMPTY_BODY),
  completeJob,
  closeJob,
  unassignJob,
  getJobPosition: (s, id) => answer(s.router.getJobPosition(id), (position) => ({ ...position })),
  upsertWorker: (s, id, _, body) => s.answerUpsertWorker(id, body),
  getWorker,
  listWorkers: (s, _, __, ___, query) => listWorkers(s, query),
  acceptJobOffer: (s, worker, offer) =>
    answer(s.router.acceptJobOffer(worker, offer), (accepted) => ({ ...accepted })),
  declineJobOffer,
};

/** The operations `ccsim serve` answers (the others answer 501). */
export const SERVED_OPERATIONS: readonly OperationId[] = Object.keys(OPERATIONS) as OperationId[];

/** A resource's JSON as the service answers a GET of it, or undefined when there is none. */
type ResourceReader = (service: JobRouterService, id: string) => JsonObject | undefined;

const jobResource: ResourceReader = (s, id) => {
  const job = s.router.getJob(id);
  return job === undefined ? undefined : jobJson(s.time, job);
};
const workerResource: ResourceReader = (s, id) => {
  const worker = s.router.getWorker(id);
  return worker === undefined ? undefined : workerJson(s.time, worker);
};
const specResource =
  (pick: (resources: AdministrationResources) => ReadonlyMap<string, unknown>): ResourceReader =>
  (s, id) =>
    pick(s.resources).get(id) as JsonObject | undefined;

const classificationPolicyResource: ResourceReader = (s, id) => {
  const spec = s.resources.classificationPolicies.get(id);
  return spec === undefined ? undefined : classificationPolicyJson(spec);
};

/**
 * The operations on one resource (get, upsert, delete), and how to read that resource: their
 * answers carry its ETag, and their writes honour `If-Match` and `If-None-Match`.
 */
const RESOURCE_OF: Readonly<Partial<Record<OperationId, ResourceReader>>> = Object.fromEntries(
  (
    [
      ["Job", jobResource],
      ["Worker", workerResource],
      ["DistributionPolicy", specResource((r) => r.distributionPolicies)],
      ["ClassificationPolicy", classificationPolicyResource],
      ["ExceptionPolicy", specResource((r) => r.exceptionPolicies)],
      ["Queue", specResource((r) => r.queues)],
    ] as const
  ).flatMap(([name, reader]) =>
    ["upsert", "get", "delete"].map((verb) => [`${verb}${name}`, reader] as const),
  ),
);

/** A resource's answer with its ETag, in its body and in the `ETag` header. */
function tagged(response: ServiceResponse): ServiceResponse {
  if (response.body === undefined || response.status >= 300) return response;
  const body = withEtag(response.body);
  return { ...response, body, headers: { ...response.headers, etag: body.etag as string } };
}
