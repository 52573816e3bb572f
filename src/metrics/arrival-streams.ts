/**
 * The arrival stream of a job id `<arrivalId>-<n>`, asked once per job by the collector (through
 * MetricsSettings.arrivalOfJob): the arrival id is the text before the last `-` (all but the
 * last character when there is none). Compared code unit by code unit in place, since
 * String.prototype.lastIndexOf is a call into the runtime that costs more than the rest of a
 * job's arrival bookkeeping.
 */

/** Streams up to which ids are compared in place rather than by hashing a slice of the id. */
const FEW_ARRIVAL_STREAMS = 16;

const DASH = 45;

/** The end of a job id's arrival id: its last `-`, or its length − 1 without one (at least 0). */
function prefixEnd(jobId: string): number {
  for (let at = jobId.length - 1; at >= 0; at--) if (jobId.charCodeAt(at) === DASH) return at;
  return Math.max(0, jobId.length - 1);
}

/** Whether `jobId` starts with `id` (whose length the caller has checked). */
function startsWith(jobId: string, id: string): boolean {
  for (let at = id.length - 1; at >= 0; at--) {
    if (jobId.charCodeAt(at) !== id.charCodeAt(at)) return false;
  }
  return true;
}

/** The arrival stream of a job id, as MetricsSettings.arrivalOfJob asks it. */
export interface ArrivalStreamsOf {
  /** Index into the arrival ids of the stream that created the job (−1 if none). */
  streamOf(jobId: string): number;
}

/**
 * The index in `arrivalIds` of a job id's arrival stream, or −1 for none; with a repeated id,
 * its last index.
 */
export function arrivalStreamIndexer(arrivalIds: readonly string[]): ArrivalStreamIndexer {
  return new ArrivalStreamIndexer(arrivalIds);
}

/**
 * A class rather than a closure: the collector calls `streamOf` once per job, and a closure made
 * anew for each replication reached that call site, optimized for the previous replication's
 * closure, as a different target ("wrong call target" deoptimization in every process's second
 * replication). A method of one class is the same function in every replication.
 */
export class ArrivalStreamIndexer implements ArrivalStreamsOf {
  private readonly ids: readonly string[];
  /** The index by id, with more than FEW_ARRIVAL_STREAMS streams (null otherwise). */
  private readonly indexById: Map<string, number> | null;

  constructor(arrivalIds: readonly string[]) {
    this.ids = [...arrivalIds];
    this.indexById =
      this.ids.length > FEW_ARRIVAL_STREAMS
        ? new Map(this.ids.map((id, index) => [id, index]))
        : null;
  }

  streamOf(jobId: string): number {
    const end = prefixEnd(jobId);
    if (this.indexById !== null) return this.indexById.get(jobId.slice(0, end)) ?? -1;
    const ids = this.ids;
    // Last first: with a repeated id, the map above would also keep the last index.
    for (let index = ids.length - 1; index >= 0; index--) {
      const id = ids[index] as string;
      if (id.length === end && startsWith(jobId, id)) return index;
    }
    return -1;
  }
}
