/**
 * Which file worker threads load: the compiled worker when this module is compiled JavaScript
 * (an installed package, or a checkout's dist/), else the bootstrap that registers tsx first.
 */

/** The URL of the worker-thread entry matching how this module itself was loaded. */
export function replicationWorkerFile(): string {
  const compiled = import.meta.url.endsWith(".js");
  const entry = compiled ? "./replication-worker.js" : "./replication-worker-sources.mjs";
  return new URL(entry, import.meta.url).href;
}
