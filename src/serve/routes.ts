/**
 * The REST API's 33 operations (api-version 2023-11-01) by method and path: one table, so the
 * service, its documentation test and the 405 answers all read the same routes. Paths are
 * matched still percent-encoded, ids decoded after: an id cannot then be mistaken for a `/` or
 * the `:action` suffix.
 */

/** Every operation of the API, named as the REST reference names them. */
export type OperationId =
  | "upsertDistributionPolicy"
  | "getDistributionPolicy"
  | "deleteDistributionPolicy"
  | "listDistributionPolicies"
  | "upsertClassificationPolicy"
  | "getClassificationPolicy"
  | "deleteClassificationPolicy"
  | "listClassificationPolicies"
  | "upsertExceptionPolicy"
  | "getExceptionPolicy"
  | "deleteExceptionPolicy"
  | "listExceptionPolicies"
  | "upsertQueue"
  | "getQueue"
  | "deleteQueue"
  | "listQueues"
  | "upsertJob"
  | "getJob"
  | "deleteJob"
  | "listJobs"
  | "reclassifyJob"
  | "cancelJob"
  | "completeJob"
  | "closeJob"
  | "unassignJob"
  | "getJobPosition"
  | "getQueueStatistics"
  | "acceptJobOffer"
  | "declineJobOffer"
  | "upsertWorker"
  | "getWorker"
  | "deleteWorker"
  | "listWorkers";

/** One route: a method on a path pattern (`{}` stands for an id). */
export interface Route {
  readonly operation: OperationId;
  readonly method: "GET" | "PATCH" | "DELETE" | "POST";
  readonly path: string;
  /** A body field holding the operation's last id, for routes whose path lacks it. */
  readonly idInBody?: string;
}

/** A collection of the administration client: upsert, get, delete and list. */
function administered(collection: string, singular: string, plural: string): readonly Route[] {
  const one = `/routing/${collection}/{}`;
  return [
    { operation: `upsert${singular}` as OperationId, method: "PATCH", path: one },
    { operation: `get${singular}` as OperationId, method: "GET", path: one },
    { operation: `delete${singular}` as OperationId, method: "DELETE", path: one },
    { operation: `list${plural}` as OperationId, method: "GET", path: `/routing/${collection}` },
  ];
}

/** Every route of the API. */
export const ROUTES: readonly Route[] = [
  ...administered("distributionPolicies", "DistributionPolicy", "DistributionPolicies"),
  ...administered("classificationPolicies", "ClassificationPolicy", "ClassificationPolicies"),
  ...administered("exceptionPolicies", "ExceptionPolicy", "ExceptionPolicies"),
  ...administered("queues", "Queue", "Queues"),
  ...administered("jobs", "Job", "Jobs"),
  ...administered("workers", "Worker", "Workers"),
  { operation: "reclassifyJob", method: "POST", path: "/routing/jobs/{}:reclassify" },
  { operation: "cancelJob", method: "POST", path: "/routing/jobs/{}:cancel" },
  { operation: "completeJob", method: "POST", path: "/routing/jobs/{}/assignments/{}:complete" },
  { operation: "closeJob", method: "POST", path: "/routing/jobs/{}/assignments/{}:close" },
  { operation: "unassignJob", method: "POST", path: "/routing/jobs/{}/assignments/{}:unassign" },
  { operation: "getJobPosition", method: "GET", path: "/routing/jobs/{}/position" },
  { operation: "getQueueStatistics", method: "GET", path: "/routing/queues/{}/statistics" },
  { operation: "acceptJobOffer", method: "POST", path: "/routing/workers/{}/offers/{}:accept" },
  { operation: "declineJobOffer", method: "POST", path: "/routing/workers/{}/offers/{}:decline" },
];

/**
 * Routes of the API's previews that the service still answered under 2023-11-01, as the Python
 * SDK 1.0.0's recordings show: complete and close with the assignment id in the body.
 */
export const PREVIEW_ROUTES: readonly Route[] = [
  {
    operation: "completeJob",
    method: "POST",
    path: "/routing/jobs/{}:complete",
    idInBody: "assignmentId",
  },
  {
    operation: "closeJob",
    method: "POST",
    path: "/routing/jobs/{}:close",
    idInBody: "assignmentId",
  },
];

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A path pattern as a regular expression: each id one segment without `/` or `:`. */
function patternOf(path: string): RegExp {
  const parts = path.split("{}").map(escapeRegExp);
  return new RegExp(`^${parts.join("([^/:]+)")}/?$`);
}

const COMPILED = [...ROUTES, ...PREVIEW_ROUTES].map((route) => ({
  route,
  pattern: patternOf(route.path),
}));

/** What a request's method and path name. */
export type RouteMatch =
  | {
      readonly kind: "operation";
      readonly operation: OperationId;
      readonly ids: string[];
      /** The body field holding the last id (a preview route), if any. */
      readonly idInBody?: string;
    }
  | { readonly kind: "method"; readonly allowed: readonly string[] }
  | { readonly kind: "unknown" };

/** A request that names an operation. */
export type OperationMatch = Extract<RouteMatch, { readonly kind: "operation" }>;

/** The operation at `method` and `path` (percent-encoded, no query). */
export function routeOf(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const { route, pattern } of COMPILED) {
    const match = pattern.exec(path);
    if (match === null) continue;
    if (route.method === method.toUpperCase()) {
      const ids = match.slice(1).map((id) => {
        try {
          return decodeURIComponent(id);
        } catch {
          return id;
        }
      });
      return route.idInBody === undefined
        ? { kind: "operation", operation: route.operation, ids }
        : { kind: "operation", operation: route.operation, ids, idInBody: route.idInBody };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "method", allowed } : { kind: "unknown" };
}
