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

/**
 * The index in `arrivalIds` of a job id's arrival stream, or −1 for none; with a repeated id,
 * its last index.
 */
export function arrivalStreamIndexer(arrivalIds: readonly string[]): (jobId: string) => number {
  const ids = [...arrivalIds];
  if (ids.length > FEW_ARRIVAL_STREAMS) {
    const indexOf = new Map(ids.map((id, index) => [id, index]));
    return (jobId) => indexOf.get(jobId.slice(0, prefixEnd(jobId))) ?? -1;
  }
  return (jobId) => {
    const end = prefixEnd(jobId);
    // Last first: with a repeated id, the map above would also keep the last index.
    for (let index = ids.length - 1; index >= 0; index--) {
      const id = ids[index] as string;
      if (id.length === end && startsWith(jobId, id)) return index;
    }
    return -1;
  };
}
