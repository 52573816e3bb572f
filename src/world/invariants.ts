/**
 * The world's invariants against the router's state, checked after every engine event with
 * --check-invariants: the customers' jobs in the system are the router's, and each person
 * agrees with the service on being registered, holds exactly the assignments the service has
 * for them, and ponders only offers the service still has open for them.
 */
import type { Router } from "../router/index.ts";
import type { Customers } from "./customers.ts";
import type { Workers } from "./workers.ts";

const ENDED = new Set(["closed", "cancelled", "classificationFailed"]);

/** Every disagreement between the world and the router, as readable lines (empty when none). */
export function worldProblems(router: Router, customers: Customers, workers: Workers): string[] {
  const problems: string[] = [];
  let routerJobsInSystem = 0;
  for (const job of router.core.jobs) if (!ENDED.has(job.status)) routerJobsInSystem++;
  if (routerJobsInSystem !== customers.jobsInSystem) {
    problems.push(
      `the router has ${routerJobsInSystem} jobs in the system, the world ${customers.jobsInSystem}`,
    );
  }
  const routerWorkers = new Map(router.core.workers.map((worker) => [worker.id, worker]));
  for (const person of workers.snapshot()) {
    const worker = routerWorkers.get(person.workerId);
    if (worker === undefined) {
      problems.push(`person ${person.workerId} is unknown to the router`);
      continue;
    }
    if (person.active !== (worker.state === "active")) {
      problems.push(
        `person ${person.workerId} believes ${person.active ? "" : "not "}registered, the router says ${worker.state}`,
      );
    }
    const assignments = worker.assignments.map((assignment) => assignment.assignmentId).sort();
    if (person.assignmentIds.sort().join(",") !== assignments.join(",")) {
      problems.push(
        `person ${person.workerId} holds assignments [${person.assignmentIds}], the router [${assignments}]`,
      );
    }
    const openOffers = new Set(worker.openOffers.map((offer) => offer.offerId));
    for (const offerId of person.offerIds) {
      if (!openOffers.has(offerId))
        problems.push(`person ${person.workerId} ponders offer ${offerId}, not open for them`);
    }
  }
  return problems;
}
