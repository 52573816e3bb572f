// Worker-thread entry for parallel replications (piscina). Plain JavaScript so that Node can
// load it directly; it registers tsx to load the TypeScript task, as bin/ccsim.js does.
import { register } from "tsx/esm/api";

register();
const { runReplicationTask } = await import("./replication-task.ts");
const { ScenarioRunError } = await import("../../errors.ts");

/**
 * Piscina calls the default export with each task. A ScenarioRunError comes back as data
 * (`{ scenarioRunProblems }`): an error crossing threads loses its class and fields.
 */
export default async function run(task) {
  try {
    return await runReplicationTask(task);
  } catch (error) {
    if (error instanceof ScenarioRunError) return { scenarioRunProblems: error.problems };
    throw error;
  }
}
