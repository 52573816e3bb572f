/**
 * The world's invariants against the router's state, checked after every engine event with
 * --check-invariants: the customers' jobs in the system are the router's, and each person
 * agrees with the service on being registered, holds exactly the assignments the service has
 * for them, and ponders only offers the service still has open for them.
 */
import type { Router } from "../router/index.ts";
import type { Customers } from "./customers.ts";
import type { Workers } from "./workers.ts";

/**
 * Every disagreement between the world and the router, as readable lines (empty when none).
 * The router is read only through its public reads (a job count and GET worker), as a client
 * application would check itself against the service.
 */
export function worldProblems(router: Router, customers: Customers, workers: Workers): string[] {
  const problems: string[] = [];
  const routerJobsInSystem = router.countJobsInSystem();
  if (routerJobsInSystem !== customers.jobsInSystem) {
    problems.push(
      `the router has ${routerJobsInSystem} jobs in the system, the world ${customers.jobsInSystem}`,
    );
  }
  for (const person of workers.snapshot()) {
    const worker = router.getWorker(person.workerId);
    if (worker === undefined) {
      problems.push(`person ${person.workerId} is unknown to the router`);
      continue;
    }
    if (person.active !== (worker.state === "active")) {
      problems.push(
        `person ${person.workerId} believes ${person.active ? "" : "not "}registered, the router says ${worker.state}`,
      );
    }
    const assignments = worker.assignedJobs.map((assignment) => assignment.assignmentId).sort();
    if (person.assignmentIds.sort().join(",") !== assignments.join(",")) {
      problems.push(
        `person ${person.workerId} holds assignments [${person.assignmentIds}], the router [${assignments}]`,
      );
    }
    const openOffers = new Set(worker.offers.map((offer) => offer.offerId));
    for (const offerId of person.offerIds) {
      if (!openOffers.has(offerId))
        problems.push(`person ${person.workerId} ponders offer ${offerId}, not open for them`);
    }
  }
  return problems;
}
