/**
 * arrivalStreamIndexer compares ids in place; it must answer exactly as the definition by
 * lastIndexOf, slice and startsWith: the arrival id is the text before a job id's last `-`.
 */
import { describe, expect, it } from "vitest";
import { arrivalStreamIndexer } from "../../src/metrics/arrival-streams.ts";

/** The definition, written with the string methods the indexer avoids. */
function definition(arrivalIds: readonly string[], jobId: string): number {
  const dash = jobId.lastIndexOf("-");
  const prefix = jobId.slice(0, dash < 0 ? Math.max(0, jobId.length - 1) : dash);
  return arrivalIds.lastIndexOf(prefix);
}

const streamSets: readonly (readonly string[])[] = [
  ["call"],
  ["call", "chat", "email"],
  ["english", "english-expert", "spanish"],
  ["a", "b", "a"],
  ["", "x"],
  ["vip-voice", "voice", "vip"],
  Array.from({ length: 20 }, (_, index) => `stream-${index}`),
  Array.from({ length: 20 }, (_, index) =>
    index === 7 ? "dup" : index === 12 ? "dup" : `s${index}`,
  ),
];

/** Job ids of every stream, near misses and odd shapes. */
function jobIdsFor(arrivalIds: readonly string[]): string[] {
  const jobIds = ["", "-", "--", "x", "call", "call-", "-1", "é-1", "callx-1", "cal-1", "call-1-2"];
  for (const id of arrivalIds) {
    jobIds.push(`${id}-1`, `${id}-123456`, `${id}1`, `${id}`, `${id}-`, `${id}--3`, `x${id}-1`);
    if (id.length > 0) jobIds.push(`${id.slice(0, -1)}-9`, `${id.toUpperCase()}-2`);
  }
  return jobIds;
}

describe("arrivalStreamIndexer", () => {
  it.each(streamSets.map((ids) => [ids.length, ids] as const))(
    "answers as the definition (%s streams)",
    (_, arrivalIds) => {
      const indexOf = arrivalStreamIndexer(arrivalIds);
      for (const jobId of jobIdsFor(arrivalIds)) {
        expect(indexOf(jobId), `job id "${jobId}"`).toBe(definition(arrivalIds, jobId));
      }
    },
  );
});
