/**
 * The operations `ccsim serve` answers, one handler for each of the API's operations by its REST
 * name (a route without one does not compile), and the single-resource operations' readers,
 * whose answers carry an ETag and whose writes honour `If-Match`. Each handler reads the request
 * into the router's terms (wire-*.ts), calls the router and answers in the service's shape
 * (answers.ts). The administration client's four resources share their handlers, derived from
 * one description each (`ADMINISTERED`).
 */
import type { JobView, Router } from "../router/index.ts";
import type { EmptyResult } from "../router/results.ts";
import { answer, EMPTY_BODY, errorResponse, refusal, type ServiceResponse } from "./answers.ts";
import { canonicalJson, withEtag } from "./etags.ts";
import { jobPage, resourcePage, workerPage } from "./listing.ts";
import type { OperationId } from "./routes.ts";
import type { AdministrationResources, JobRouterService } from "./service.ts";
import { bodyObject, canonicalProperties, type JsonObject, mergePatch, WireError } from "./wire.ts";
import {
  classificationPolicyJson,
  classificationPolicySpecOf,
  distributionPolicyJson,
  distributionPolicySpecOf,
  exceptionPolicyJson,
  exceptionPolicySpecOf,
  queueJson,
  queueSpecOf,
  queueStatisticsJson,
} from "./wire-administration.ts";
import {
  closeAtSeconds,
  jobJson,
  jobSpecOf,
  noteOptions,
  retryOfferAtSeconds,
} from "./wire-jobs.ts";
import { workerJson, workerSpecOf } from "./wire-workers.ts";

/** PATCH job: create (201) or update (200), answering the job as it stands after the call. */
function answerUpsertJob(service: JobRouterService, id: string, body: unknown): ServiceResponse {
  const existing = service.router.getJob(id);
  const spec = jobSpecOf(id, body, existing, { ...service.time, nowSeconds: service.nowSeconds });
  const result = service.router.upsertJob(spec);
  if (!result.ok) return refusal(result.error);
  const job = service.router.getJob(id);
  if (job === undefined) throw new Error(`ccsim serve bug: job ${id} vanished on upsert`);
  return { status: existing === undefined ? 201 : 200, body: jobJson(service.time, job) };
}

/** PATCH worker: create (201) or update (200). */
function answerUpsertWorker(service: JobRouterService, id: string, body: unknown): ServiceResponse {
  const existing = service.router.getWorker(id);
  const result = service.router.upsertWorker(workerSpecOf(id, body, existing));
  if (!result.ok) return refusal(result.error);
  return {
    status: existing === undefined ? 201 : 200,
    body: workerJson(service.time, result.value),
  };
}

/**
 * One served operation: the service, the path's ids (the job or worker first), the body and the
 * query.
 */
export type Operation = (
  service: JobRouterService,
  first: string,
  second: string,
  body: unknown,
  query: URLSearchParams,
) => ServiceResponse;

/**
 * DELETE of a job: 204 once gone, and when there was none (as the service answers a deleted
 * worker's or policy's second DELETE); a live job answers 409.
 */
function deleteJob(service: JobRouterService, id: string): ServiceResponse {
  if (service.router.getJob(id) === undefined) return { status: 204 };
  const result = service.router.deleteJob(id);
  if (!result.ok) return refusal(result.error);
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
    body: jobPage(
      jobs,
      query,
      "/routing/jobs",
      (job) => withEtag(jobJson(service.time, job)),
      service.time,
    ),
  };
}

function listWorkers(service: JobRouterService, query: URLSearchParams): ServiceResponse {
  // Newest first, as the service's recording of list_workers lists them (jobs too).
  const workers = service.router.listWorkers().reverse();
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
    // A job closed without a disposition code has "Closed", as the service's recordings show.
    dispositionCode: "Closed",
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

/**
 * POST …:decline. A `retryOfferAt` still to come lets the job be offered to this worker again
 * from then; one already past (the .NET SDK sends 0001-01-01 when none is set) is none.
 */
function declineJobOffer(service: JobRouterService, worker: string, offer: string, body: unknown) {
  const retryAt = retryOfferAtSeconds(service.time, body);
  const options =
    retryAt === undefined || retryAt <= service.nowSeconds ? {} : { retryOfferAtSeconds: retryAt };
  return answer(service.router.declineJobOffer(worker, offer, options), () => EMPTY_BODY);
}

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

/** GET of one resource: what its reader answers, or 404 with `missing`'s message. */
function answerRead(reader: ResourceReader, missing: (id: string) => string): Operation {
  return (s, id) => {
    const resource = reader(s, id);
    return resource === undefined
      ? errorResponse("NotFound", missing(id))
      : { status: 200, body: resource };
  };
}

/**
 * A resource of the administration client: where the service keeps what clients gave, how a
 * body becomes one, how the router takes one on and gives it up (with its reference checks),
 * and how it is answered.
 */
interface Administered<T extends { readonly id: string }> {
  readonly noun: string;
  readonly kept: (resources: AdministrationResources) => Map<string, T>;
  readonly read: (id: string, body: unknown) => T;
  readonly add: (router: Router, spec: T) => EmptyResult;
  /** Changes the existing one (the router says what may change when). */
  readonly update: (router: Router, spec: T) => EmptyResult;
  readonly remove: (router: Router, id: string) => EmptyResult;
  readonly toJson: (spec: T) => JsonObject;
}

/** Every resource of the administration client, by its name in the API's operation names. */
const ADMINISTERED = {
  DistributionPolicy: administered({
    noun: "distribution policy",
    kept: (resources) => resources.distributionPolicies,
    read: distributionPolicySpecOf,
    add: (router, spec) => router.addDistributionPolicy(spec),
    update: (router, spec) => router.updateDistributionPolicy(spec),
    remove: (router, id) => router.deleteDistributionPolicy(id),
    toJson: distributionPolicyJson,
  }),
  ClassificationPolicy: administered({
    noun: "classification policy",
    kept: (resources) => resources.classificationPolicies,
    read: classificationPolicySpecOf,
    add: (router, spec) => router.addClassificationPolicy(spec),
    update: (router, spec) => router.updateClassificationPolicy(spec),
    remove: (router, id) => router.deleteClassificationPolicy(id),
    toJson: classificationPolicyJson,
  }),
  ExceptionPolicy: administered({
    noun: "exception policy",
    kept: (resources) => resources.exceptionPolicies,
    read: exceptionPolicySpecOf,
    add: (router, spec) => router.addExceptionPolicy(spec),
    update: (router, spec) => router.updateExceptionPolicy(spec),
    remove: (router, id) => router.deleteExceptionPolicy(id),
    toJson: exceptionPolicyJson,
  }),
  Queue: administered({
    noun: "queue",
    kept: (resources) => resources.queues,
    read: queueSpecOf,
    add: (router, spec) => router.addQueue(spec),
    update: (router, spec) => router.updateQueue(spec),
    remove: (router, id) => router.deleteQueue(id),
    toJson: queueJson,
  }),
};

/** A description with its reader: what clients gave, answered through `toJson`. */
function administered<T extends { readonly id: string }>(
  kind: Administered<T>,
): Administered<T> & { readonly reader: ResourceReader } {
  const reader: ResourceReader = (s, id) => {
    const spec = kind.kept(s.resources).get(id);
    return spec === undefined ? undefined : kind.toJson(spec);
  };
  return { ...kind, reader };
}

/**
 * PATCH of an administered resource: a new one is created (201); an existing one is the patch
 * merged into it (200), changed in the router when anything changed. The router refuses a
 * change that what it built on the resource cannot follow (configuration/reconfigure.ts).
 */
function upsertAdministered<T extends { readonly id: string }>(kind: Administered<T>): Operation {
  return (s, id, _, body) => {
    const kept = kind.kept(s.resources);
    const existing = kept.get(id);
    if (existing !== undefined) {
      const existingJson = kind.toJson(existing);
      const patched = kind.read(id, mergePatch(existingJson, bodyObject(body)));
      if (canonicalJson(patched) === canonicalJson(existing)) {
        return { status: 200, body: existingJson };
      }
      const result = kind.update(s.router, patched);
      if (!result.ok) return refusal(result.error);
      kept.set(id, patched);
      return { status: 200, body: kind.toJson(patched) };
    }
    const spec = kind.read(id, body);
    const result = kind.add(s.router, spec);
    if (!result.ok) return refusal(result.error);
    kept.set(id, spec);
    return { status: 201, body: kind.toJson(spec) };
  };
}

/**
 * DELETE of an administered resource: the router's reference checks decide; 204 once gone, and
 * 204 when there was none (the service's recordings delete a deleted policy with 204).
 */
function deleteAdministered<T extends { readonly id: string }>(kind: Administered<T>): Operation {
  return (s, id) => {
    if (!kind.kept(s.resources).has(id)) return { status: 204 };
    const result = kind.remove(s.router, id);
    if (!result.ok) return refusal(result.error);
    kind.kept(s.resources).delete(id);
    return { status: 204 };
  };
}

/** The four operations of an administered resource, under the API's names. */
function administrationOperations<
  Name extends string,
  Plural extends string,
  T extends { readonly id: string },
>(
  name: Name,
  plural: Plural,
  kind: Administered<T> & { readonly reader: ResourceReader },
): Record<`upsert${Name}` | `get${Name}` | `delete${Name}` | `list${Plural}`, Operation> {
  const collection = `${plural.charAt(0).toLowerCase()}${plural.slice(1)}`;
  const operations: Record<string, Operation> = {
    [`upsert${name}`]: upsertAdministered(kind),
    [`get${name}`]: answerRead(kind.reader, (id) => `Resource not found. Id: ${id}`),
    [`delete${name}`]: deleteAdministered(kind),
    [`list${plural}`]: (s, _, __, ___, query) => ({
      status: 200,
      body: resourcePage(
        [...kind.kept(s.resources).values()],
        query,
        `/routing/${collection}`,
        (spec) => withEtag(kind.toJson(spec)),
      ),
    }),
  };
  return operations as Record<
    `upsert${Name}` | `get${Name}` | `delete${Name}` | `list${Plural}`,
    Operation
  >;
}

/**
 * Every operation's handler, by its REST name (docs/serve.md says how far each goes, and a test
 * holds its table to this one).
 */
export const OPERATIONS: Readonly<Record<OperationId, Operation>> = {
  ...administrationOperations(
    "DistributionPolicy",
    "DistributionPolicies",
    ADMINISTERED.DistributionPolicy,
  ),
  ...administrationOperations(
    "ClassificationPolicy",
    "ClassificationPolicies",
    ADMINISTERED.ClassificationPolicy,
  ),
  ...administrationOperations("ExceptionPolicy", "ExceptionPolicies", ADMINISTERED.ExceptionPolicy),
  ...administrationOperations("Queue", "Queues", ADMINISTERED.Queue),
  getQueueStatistics: (s, id) =>
    answer(s.router.getQueueStatistics(id), (statistics) =>
      queueStatisticsJson(
        statistics,
        s.waits.estimate(id, statistics.queuedPriorities, statistics.activeWorkers),
      ),
    ),
  upsertJob: (s, id, _, body) => answerUpsertJob(s, id, body),
  getJob: answerRead(jobResource, (id) => `Job not found. JobId: ${id}`),
  listJobs: (s, _, __, ___, query) => listJobs(s, query),
  deleteJob,
  reclassifyJob: (s, id) => answer(s.router.reclassifyJob(id), () => EMPTY_BODY),
  cancelJob: (s, id, _, body) =>
    answer(s.router.cancelJob(id, noteOptions(body)), () => EMPTY_BODY),
  completeJob,
  closeJob,
  unassignJob,
  getJobPosition: (s, id) => answer(s.router.getJobPosition(id), (position) => ({ ...position })),
  upsertWorker: (s, id, _, body) => answerUpsertWorker(s, id, body),
  getWorker: answerRead(workerResource, (id) => `Worker not found. WorkerId: ${id}`),
  deleteWorker: (s, id) => {
    // A second DELETE answers 204, as the service's recordings show.
    if (s.router.getWorker(id) === undefined) return { status: 204 };
    const result = s.router.deleteWorker(id);
    return result.ok ? { status: 204 } : refusal(result.error);
  },
  listWorkers: (s, _, __, ___, query) => listWorkers(s, query),
  acceptJobOffer: (s, worker, offer) =>
    answer(s.router.acceptJobOffer(worker, offer), (accepted) => ({ ...accepted })),
  declineJobOffer,
};

/** Every operation's name: each has a handler (the table above is complete by its type). */
export const SERVED_OPERATIONS: readonly OperationId[] = Object.keys(OPERATIONS) as OperationId[];

/**
 * The operations on one resource (get, upsert, delete), and how to read that resource: their
 * answers carry its ETag, and their writes honour `If-Match` and `If-None-Match`.
 */
export const RESOURCE_OF: Readonly<Partial<Record<OperationId, ResourceReader>>> =
  Object.fromEntries(
    [
      ["Job", jobResource] as const,
      ["Worker", workerResource] as const,
      ...Object.entries(ADMINISTERED).map(([name, kind]) => [name, kind.reader] as const),
    ].flatMap(([name, reader]) =>
      ["upsert", "get", "delete"].map((verb) => [`${verb}${name}`, reader] as const),
    ),
  );

/** A resource's answer with its ETag, in its body and in the `ETag` header. */
export function tagged(response: ServiceResponse): ServiceResponse {
  if (response.body === undefined || response.status >= 300) return response;
  const body = withEtag(response.body);
  return { ...response, body, headers: { ...response.headers, etag: body.etag as string } };
}
