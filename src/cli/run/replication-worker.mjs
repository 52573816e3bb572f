// Worker-thread entry for parallel replications (piscina). Plain JavaScript so that Node can
// load it directly; it registers tsx to load the TypeScript task, as bin/ccsim.js does.
import { register } from "tsx/esm/api";

register();
const { runReplicationTask } = await import("./replication-task.ts");

/** Piscina calls the default export with each task. */
export default async function run(task) {
  return runReplicationTask(task);
}
