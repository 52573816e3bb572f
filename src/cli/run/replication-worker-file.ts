/**
 * Which file worker threads load: the compiled worker when this module is compiled JavaScript
 * (an installed package, or a checkout's dist/), else the bootstrap that registers tsx first.
 * In the bundled CLI (scripts/bundle-cli.mjs) this module's URL is the bundle's: the build
 * defines where the worker bundle is from there.
 */

/** Set by the bundler in the bundled CLI: the worker's path relative to the bundle. */
declare const CCSIM_BUNDLED_WORKER: string | undefined;

/** The URL of the worker-thread entry matching how this module itself was loaded. */
export function replicationWorkerFile(): string {
  if (typeof CCSIM_BUNDLED_WORKER === "string") {
    return new URL(CCSIM_BUNDLED_WORKER, import.meta.url).href;
  }
  const compiled = import.meta.url.endsWith(".js");
  const entry = compiled ? "./replication-worker.js" : "./replication-worker-sources.mjs";
  return new URL(entry, import.meta.url).href;
}
