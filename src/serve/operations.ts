/**
 * The operations `ccsim serve` answers, one handler for each of the API's operations by its REST
 * name (a route without one does not compile), and the single-resource operations' readers, whose answers carry an ETag
 * and whose writes honour `If-Match`. Each handler reads the request into the router's terms
 * (wire-*.ts), calls the router and answers in the service's shape (answers.ts).
 */
import type { JobView } from "../router/index.ts";
import type { RouterResult } from "../router/results.ts";
import { answer, EMPTY_BODY, errorResponse, refusal, type ServiceResponse } from "./answers.ts";
import { canonicalJson, withEtag } from "./etags.ts";
import { jobPage, workerPage } from "./listing.ts";
import type { OperationId } from "./routes.ts";
import type { AdministrationResources, JobRouterService } from "./service.ts";
import { bodyObject, canonicalProperties, type JsonObject, WireError } from "./wire.ts";
import {
  classificationPolicyJson,
  classificationPolicySpecOf,
  distributionPolicyJson,
  distributionPolicySpecOf,
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

/** GET of a preloaded resource. */
function answerResource<T>(
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
function answerList<T>(
  resources: ReadonlyMap<string, T>,
  toJson: (spec: T) => JsonObject = (spec) => spec as JsonObject,
): ServiceResponse {
  const value = [...resources.values()].map((resource) => withEtag(toJson(resource)));
  return { status: 200, body: { value } };
}

/** GET job: live, or ended and kept until deleted. */
function answerJob(service: JobRouterService, id: string): ServiceResponse {
  const job = service.router.getJob(id);
  return job === undefined
    ? errorResponse("NotFound", `Job not found. JobId: ${id}`)
    : { status: 200, body: jobJson(service.time, job) };
}

/** PATCH job: create (201) or update (200), answering the job as it stands after the call. */
function answerUpsertJob(service: JobRouterService, id: string, body: unknown): ServiceResponse {
  const existing = service.router.getJob(id);
  const result = service.router.upsertJob(jobSpecOf(id, body, existing));
  if (!result.ok) return refusal(result.error);
  const job = service.router.getJob(id);
  if (job === undefined) throw new Error(`ccsim serve bug: job ${id} vanished on upsert`);
  service.jobIds.add(id);
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
  if (!result.ok) return refusal(result.error);
  resources.set(id, spec);
  return { status: 201, body: toJson(spec) };
}

/** DELETE of a policy: the router's reference checks decide; 204 once it is gone. */
function deleteResource<T>(
  resources: Map<string, T>,
  id: string,
  result: RouterResult<Record<string, never>>,
): ServiceResponse {
  if (!result.ok) return refusal(result.error);
  resources.delete(id);
  return { status: 204 };
}

function deleteJob(service: JobRouterService, id: string): ServiceResponse {
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

/**
 * Every operation's handler, by its REST name (docs/serve.md says how far each goes, and a test
 * holds its table to this one).
 */
export const OPERATIONS: Readonly<Record<OperationId, Operation>> = {
  upsertDistributionPolicy: (s, id, _, body) =>
    upsertResource(
      s.resources.distributionPolicies,
      id,
      body,
      "distribution policy",
      distributionPolicySpecOf,
      (spec) => s.router.addDistributionPolicy(spec),
      distributionPolicyJson,
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
  upsertExceptionPolicy: (s, id, _, body) =>
    upsertResource(
      s.resources.exceptionPolicies,
      id,
      body,
      "exception policy",
      exceptionPolicySpecOf,
      (spec) => s.router.addExceptionPolicy(spec),
    ),
  deleteDistributionPolicy: (s, id) =>
    deleteResource(s.resources.distributionPolicies, id, s.router.deleteDistributionPolicy(id)),
  deleteClassificationPolicy: (s, id) =>
    deleteResource(s.resources.classificationPolicies, id, s.router.deleteClassificationPolicy(id)),
  deleteExceptionPolicy: (s, id) =>
    deleteResource(s.resources.exceptionPolicies, id, s.router.deleteExceptionPolicy(id)),
  deleteQueue: (s, id) => deleteResource(s.resources.queues, id, s.router.deleteQueue(id)),
  upsertQueue: (s, id, _, body) =>
    upsertResource(
      s.resources.queues,
      id,
      body,
      "queue",
      queueSpecOf,
      (spec) => s.router.addQueue(spec),
      queueJson,
    ),
  getDistributionPolicy: (s, id) =>
    answerResource(s.resources.distributionPolicies, id, distributionPolicyJson),
  listDistributionPolicies: (s) =>
    answerList(s.resources.distributionPolicies, distributionPolicyJson),
  getClassificationPolicy: (s, id) =>
    answerResource(s.resources.classificationPolicies, id, classificationPolicyJson),
  listClassificationPolicies: (s) =>
    answerList(s.resources.classificationPolicies, classificationPolicyJson),
  getExceptionPolicy: (s, id) => answerResource(s.resources.exceptionPolicies, id),
  listExceptionPolicies: (s) => answerList(s.resources.exceptionPolicies),
  getQueue: (s, id) => answerResource(s.resources.queues, id, queueJson),
  listQueues: (s) => answerList(s.resources.queues, queueJson),
  getQueueStatistics: (s, id) => answer(s.router.getQueueStatistics(id), queueStatisticsJson),
  upsertJob: (s, id, _, body) => answerUpsertJob(s, id, body),
  getJob: (s, id) => answerJob(s, id),
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
  getWorker,
  deleteWorker: (s, id) => {
    const result = s.router.deleteWorker(id);
    return result.ok ? { status: 204 } : refusal(result.error);
  },
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
/** A resource of the administration client, answered through `toJson`. */
function specResource<T>(
  pick: (resources: AdministrationResources) => ReadonlyMap<string, T>,
  toJson: (spec: T) => JsonObject = (spec) => spec as JsonObject,
): ResourceReader {
  return (s, id) => {
    const spec = pick(s.resources).get(id);
    return spec === undefined ? undefined : toJson(spec);
  };
}

/**
 * The operations on one resource (get, upsert, delete), and how to read that resource: their
 * answers carry its ETag, and their writes honour `If-Match` and `If-None-Match`.
 */
export const RESOURCE_OF: Readonly<Partial<Record<OperationId, ResourceReader>>> =
  Object.fromEntries(
    (
      [
        ["Job", jobResource],
        ["Worker", workerResource],
        ["DistributionPolicy", specResource((r) => r.distributionPolicies, distributionPolicyJson)],
        [
          "ClassificationPolicy",
          specResource((r) => r.classificationPolicies, classificationPolicyJson),
        ],
        ["ExceptionPolicy", specResource((r) => r.exceptionPolicies)],
        ["Queue", specResource((r) => r.queues, queueJson)],
      ] as const
    ).flatMap(([name, reader]) =>
      ["upsert", "get", "delete"].map((verb) => [`${verb}${name}`, reader] as const),
    ),
  );

/** A resource's answer with its ETag, in its body and in the `ETag` header. */
export function tagged(response: ServiceResponse): ServiceResponse {
  if (response.body === undefined || response.status >= 300) return response;
  const body = withEtag(response.body);
  return { ...response, body, headers: { ...response.headers, etag: body.etag as string } };
}
