/**
 * Sessions recorded against the live Job Router service by the Azure SDKs' own tests
 * (Azure/azure-sdk-assets), condensed to what a replay needs: each request (its time, method,
 * path, query, conditional headers and body) and the service's answer (status, error code and
 * body). test/fixtures/serve/recordings/README.md says where they come from and how they were
 * condensed; docs/serve-recordings.md what replaying them shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface RecordedExchange {
  /** When the client sent it (its `x-ms-date`), ISO 8601. */
  readonly at: string;
  readonly method: string;
  /** The path as sent, percent-encoded, without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
  /** The answer's `x-ms-error-code`, when it had one. */
  readonly errorCode?: string;
  readonly response: unknown;
}

export interface Recording {
  /** `<sdk>/<file name without .json>`, e.g. `python/router_job.update_job_direct_q`. */
  readonly name: string;
  readonly source: { readonly repository: string; readonly commit: string; readonly path: string };
  readonly exchanges: readonly RecordedExchange[];
}

export const RECORDINGS_FOLDER = new URL("../fixtures/serve/recordings/", import.meta.url).pathname;

/** Every recording in the fixtures, by name. */
export function loadRecordings(folder: string = RECORDINGS_FOLDER): Recording[] {
  const recordings: Recording[] = [];
  for (const sdk of readdirSync(folder, { withFileTypes: true })) {
    if (!sdk.isDirectory()) continue;
    for (const file of readdirSync(join(folder, sdk.name)).sort()) {
      if (!file.endsWith(".json")) continue;
      const content = JSON.parse(readFileSync(join(folder, sdk.name, file), "utf8"));
      recordings.push({ name: `${sdk.name}/${file.slice(0, -".json".length)}`, ...content });
    }
  }
  return recordings;
}
