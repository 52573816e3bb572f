// Worker-thread entry for parallel replications when ccsim runs from its TypeScript sources (a
// stale or missing dist/, vitest): a new thread does not inherit the tsx hooks bin/ccsim.js
// registered, so register them here, then serve the TypeScript worker as is.
import { register } from "tsx/esm/api";

register();
const worker = await import("./replication-worker.ts");

export default worker.default;
