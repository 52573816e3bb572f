/**
 * The Job Router service behind `ccsim serve`: the router on its engine, answering the REST
 * API's operations (api-version 2023-11-01) as a request comes: find the route, check the
 * api-version and any `If-Match`, let the operation's handler answer (operations.ts), and tag a
 * resource's answer with its ETag. Time moves only through `advanceTo` (the clock is the
 * caller's: wall or manual); an operation happens at the current simulated time, and the events
 * it leaves due now fire before its answer. Synchronous and free of I/O: the HTTP server
 * (http-server.ts) feeds it.
 */
import { Engine } from "../engine/engine.ts";
import { RandomStream } from "../random/index.ts";
import { Router } from "../router/index.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
  RouterConfig,
} from "../router/types.ts";
import {
  API_VERSION,
  errorResponse,
  type ServiceRequest,
  type ServiceResponse,
} from "./answers.ts";
import { conditionProblem } from "./etags.ts";
import { ServiceEvents } from "./events.ts";
import { OPERATIONS, RESOURCE_OF, tagged } from "./operations.ts";
import { type OperationMatch, routeOf } from "./routes.ts";
import { SimulatedWorld, type WorldOptions } from "./simulated-world.ts";
import { WaitEstimates } from "./wait-estimates.ts";
import { isoTime, type TimeFormat, WireError } from "./wire.ts";

/**
 * The most rules an exception policy created over the API may have (the router numbers its
 * exception timers with room for this many per job).
 */
export const EXCEPTION_RULES_PER_POLICY = 64;

/** What the service is started with. */
export interface ServiceOptions {
  /** The resources it holds from the start (a scenario's policies and queues). */
  readonly config: RouterConfig;
  readonly time: TimeFormat;
  /** Seeds the events' ids (a scenario's seed; default 0): the same requests, the same ids. */
  readonly seed?: number;
  /** The scenario's simulated people, to run alongside the clients (`--world`). */
  readonly world?: WorldOptions;
}

/**
 * Resources of the administration client as clients gave them: the scenario's, and those
 * created since.
 */
export interface AdministrationResources {
  readonly distributionPolicies: Map<string, DistributionPolicySpec>;
  readonly classificationPolicies: Map<string, ClassificationPolicySpec>;
  readonly exceptionPolicies: Map<string, ExceptionPolicySpec>;
  readonly queues: Map<string, QueueSpec>;
}

function byId<T extends { readonly id: string }>(specs: readonly T[] | undefined): Map<string, T> {
  return new Map((specs ?? []).map((spec) => [spec.id, spec]));
}

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
  /** Recent handle times per queue, for queue statistics' wait estimates. */
  readonly waits: WaitEstimates;
  /** The scenario's simulated people under `--world`; null without. */
  readonly world: SimulatedWorld | null;

  constructor(options: ServiceOptions) {
    this.engine = new Engine();
    this.router = new Router(this.engine, {
      // Weighted allocations draw from the scenario's stream, or from the seed's own.
      random: RandomStream.root(options.seed ?? 0, 0).fork("router:weightedAllocation"),
      ...options.config,
      retainEndedJobs: true,
      exceptionRulesPerPolicy: EXCEPTION_RULES_PER_POLICY,
    });
    this.time = options.time;
    this.events = new ServiceEvents(this.router, isoTime(this.time, 0), options.seed ?? 0);
    this.waits = new WaitEstimates(this.router);
    // Every job the router receives is listed, the simulated world's too.
    this.router.subscribe((event) => {
      if (event.type === "RouterJobReceived") this.jobIds.add(event.jobId);
    });
    this.world =
      options.world === undefined
        ? null
        : new SimulatedWorld(this.engine, this.router, options.world);
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
    // Events due now come first (the simulated world's first arrivals, at time 0).
    this.engine.runUntil(this.engine.now);
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
      const ids = idsOf(route, request);
      const refused = this.world?.refusal(route.operation, ids, (jobId, assignmentId) => {
        const assignment = this.router.getJob(jobId)?.assignment;
        return assignment?.assignmentId === assignmentId ? assignment.workerId : undefined;
      });
      if (refused !== undefined && refused !== null) return refused;
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
      const response = this.operate(route, ids, request);
      // Events the operation left due now (none today: matching runs inside the call).
      this.engine.runUntil(this.engine.now);
      return resource === undefined ? response : tagged(response);
    } catch (error) {
      if (error instanceof WireError)
        return errorResponse("BadRequest", error.message, error.target);
      throw error;
    }
  }

  private operate(
    route: OperationMatch,
    ids: readonly string[],
    request: ServiceRequest,
  ): ServiceResponse {
    const operation = OPERATIONS[route.operation];
    const [first = "", second = ""] = ids;
    return operation(this, first, second, request.body, request.query);
  }
}

/** The ids a request names: its path's, and a preview route's id from its body. */
function idsOf(route: OperationMatch, request: ServiceRequest): string[] {
  const ids = [...route.ids];
  if (route.idInBody !== undefined) {
    const field = route.idInBody;
    const value = (request.body as Record<string, unknown> | undefined)?.[field];
    if (typeof value !== "string") throw new WireError(`${field} is required`, field);
    ids.push(value);
  }
  return ids;
}
