/**
 * Worker-thread entry for parallel replications (piscina): runs one replication task. Compiled,
 * it is loaded as is (dist/cli/run/replication-worker.js); from the TypeScript sources, through
 * replication-worker-sources.mjs, which registers tsx in the new thread first.
 */
import { ScenarioRunError } from "../../errors.ts";
import { type ReplicationTask, runReplicationTask } from "./replication-task.ts";

/**
 * Piscina calls the default export with each task. A ScenarioRunError comes back as data
 * (`{ scenarioRunProblems }`): an error crossing threads loses its class and fields. `null`
 * never comes back: the task has no progress callback to stop it.
 */
export default async function run(task: ReplicationTask) {
  try {
    return await runReplicationTask(task);
  } catch (error) {
    if (error instanceof ScenarioRunError) return { scenarioRunProblems: error.problems };
    throw error;
  }
}
