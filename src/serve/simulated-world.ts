/**
 * `ccsim serve <scenario> --world`: the scenario's simulated people on the served router,
 * alongside the clients. From the server's time 0 the scenario's customers arrive (until its
 * horizon) and its workers keep their shifts and behaviour, as in `ccsim run`; clients see them
 * all (GET and lists) and meet them in routing: a client's worker may be offered a simulated
 * customer's job, and a simulated worker a client's job (handled for a handle time of the first
 * arrival stream on its channel, world/customers.ts).
 *
 * The simulated people act for themselves: a client may not change a simulated worker (upsert,
 * delete), answer its offers, finish its assignments, nor change or cancel a simulated
 * customer's job, nor create a worker or job with one of their ids (409, naming the owner); nor
 * delete the scenario's policies and queues, which the world's arrivals name for as long as it
 * runs (they may be changed).
 * Without that rule a client's cancel would pull a job from under a simulated worker mid-call,
 * and the world, which plans on the router's answers, would have to guess. A simulated job that
 * has ended may be deleted (it is kept until then, as every ended job is).
 */
import type { Engine } from "../engine/engine.ts";
import { RandomStream } from "../random/index.ts";
import type { Router } from "../router/index.ts";
import type { Scenario, TraceArrivals } from "../scenario/index.ts";
import { workerIdsOf } from "../scenario/types.ts";
import { World } from "../world/world.ts";
import { errorResponse, type ServiceResponse } from "./answers.ts";
import { escapeRegExp, type OperationId } from "./routes.ts";

/** What `--world` starts with: the scenario and its trace arrivals, read beforehand. */
export interface WorldOptions {
  readonly scenario: Scenario;
  readonly traces: ReadonlyMap<string, TraceArrivals>;
}

/** Operations on a worker named by the route's first id. */
const WORKER_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "upsertWorker",
  "deleteWorker",
  "acceptJobOffer",
  "declineJobOffer",
]);

/** Operations on a job named by the route's first id. */
const JOB_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "upsertJob",
  "cancelJob",
  "reclassifyJob",
]);

/** Deletions of the administration client's resources. */
const DELETIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "deleteDistributionPolicy",
  "deleteClassificationPolicy",
  "deleteExceptionPolicy",
  "deleteQueue",
]);

/** Operations on an assignment, owned by its worker. */
const ASSIGNMENT_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "completeJob",
  "closeJob",
  "unassignJob",
]);

/** The scenario's simulated people, running on the service's engine and router. */
export class SimulatedWorld {
  readonly world: World;
  private readonly workerIds: ReadonlySet<string>;
  /** Ids of the world's jobs: `<arrival id>-<number>`. */
  private readonly jobIdPattern: RegExp;
  /** The scenario's policies and queues, by operation-name noun (`Queue`…), which it needs. */
  private readonly resourceIds: ReadonlySet<string>;

  constructor(engine: Engine, router: Router, options: WorldOptions) {
    const { scenario } = options;
    this.workerIds = new Set(scenario.workers.flatMap((group) => workerIdsOf(group)));
    const streams = scenario.arrivals.map((arrival) => escapeRegExp(arrival.id)).join("|");
    this.jobIdPattern = new RegExp(`^(?:${streams})-\\d+$`);
    this.resourceIds = new Set([
      ...scenario.distributionPolicies.map((policy) => `DistributionPolicy:${policy.id}`),
      ...(scenario.classificationPolicies ?? []).map(
        (policy) => `ClassificationPolicy:${policy.id}`,
      ),
      ...(scenario.exceptionPolicies ?? []).map((policy) => `ExceptionPolicy:${policy.id}`),
      ...scenario.queues.map((queue) => `Queue:${queue.id}`),
    ]);
    this.world = new World(
      engine,
      router,
      scenario,
      RandomStream.root(scenario.seed, 0),
      options.traces,
    );
    router.observe(this.world);
    this.world.start();
  }

  /** Workers of the world. */
  get workerCount(): number {
    return this.workerIds.size;
  }

  isSimulatedWorker(id: string): boolean {
    return this.workerIds.has(id);
  }

  isSimulatedJob(id: string): boolean {
    return this.jobIdPattern.test(id);
  }

  /**
   * The 409 of a client's request that would act for a simulated person, or null when the
   * request is the client's to make. `assignmentWorker` finds who holds a job's assignment.
   */
  refusal(
    operation: OperationId,
    ids: readonly string[],
    assignmentWorker: (jobId: string, assignmentId: string) => string | undefined,
  ): ServiceResponse | null {
    const [first = "", second = ""] = ids;
    if (
      DELETIONS.has(operation) &&
      this.resourceIds.has(`${operation.slice("delete".length)}:${first}`)
    ) {
      return errorResponse(
        "Conflict",
        `${first} is one of the scenario's resources, which its simulated world uses for as long as ccsim serve runs: it cannot be deleted under --world (it may be changed)`,
      );
    }
    if (WORKER_OPERATIONS.has(operation) && this.isSimulatedWorker(first)) {
      return this.conflict(`worker ${first} is one of the scenario's simulated workers`);
    }
    if (JOB_OPERATIONS.has(operation) && this.isSimulatedJob(first)) {
      return this.conflict(`job ${first} is one of the scenario's simulated customers' jobs`);
    }
    if (ASSIGNMENT_OPERATIONS.has(operation)) {
      const worker = assignmentWorker(first, second);
      if (worker !== undefined && this.isSimulatedWorker(worker)) {
        return this.conflict(
          `assignment ${second} of job ${first} is simulated worker ${worker}'s`,
        );
      }
    }
    return null;
  }

  private conflict(what: string): ServiceResponse {
    return errorResponse(
      "Conflict",
      `${what}: under --world the simulated people act for themselves; use workers and jobs of your own (ids not taken by the scenario)`,
    );
  }
}
