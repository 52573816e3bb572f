/**
 * Recycled records (entities.ts): `reset` must leave a record exactly as the constructor leaves a
 * new one, or a job, offer or assignment would inherit a value of its slot's previous occupant.
 * The classes list the fields twice, as class fields and in `reset`: a constructor that only
 * called `reset` (with `declare`d fields) measured 1.4–2.2% slower on perf-mm50 in paired runs
 * in both orders, likely because V8 sizes a record's in-object fields by what its constructor
 * assigns. So this test catches a field added to one list and not the other: every field is
 * first set to a stale value, then `reset` must give the same fields, in the same order, as a
 * new record.
 */
import { describe, expect, it } from "vitest";
import type { ChannelRecord, QueueRecord, WorkerRecord } from "../../src/router/entities.ts";
import { AssignmentRecord, JobRecord, OfferRecord } from "../../src/router/entities.ts";
import { NO_LABELS } from "../../src/router/labels.ts";

/** Sets every field of `record` but `keep` to a value no constructor or reset gives. */
function makeStale(record: object, keep: readonly string[] = []): void {
  const stale = { stale: true };
  for (const key of Object.keys(record)) {
    if (!keep.includes(key)) (record as Record<string, unknown>)[key] = stale;
  }
}

function fieldsOf(record: object): [string, unknown][] {
  return Object.entries(record);
}

const worker = { id: "worker" } as unknown as WorkerRecord;
const channel = { channelId: "voice" } as unknown as ChannelRecord;
const queue = { id: "queue" } as unknown as QueueRecord;
const labels = Object.freeze({ language: "en" });

function newJob(slot: number, openOffers: OfferRecord[], id: string, sequence: number) {
  return new JobRecord(
    slot,
    id,
    openOffers,
    sequence,
    "ref",
    "policy",
    "voice",
    3,
    labels,
    NO_LABELS,
    [],
  );
}

describe("recycled records", () => {
  it("a reset job record is field for field a new one", () => {
    const openOffers: OfferRecord[] = [];
    const recycled = newJob(4, openOffers, "old-job", 1);
    // The slot's own fields stay; every per-job field goes stale.
    makeStale(recycled, ["index", "openOffers"]);
    recycled.reset("new-job", 9, "ref", "policy", "voice", 3, labels, NO_LABELS, []);
    expect(fieldsOf(recycled)).toEqual(fieldsOf(newJob(4, openOffers, "new-job", 9)));
  });

  it("a reset offer record is field for field a new one", () => {
    const job = newJob(0, [], "job", 0);
    const recycled = new OfferRecord(1, job, worker, channel, queue, 10, 40);
    makeStale(recycled);
    recycled.reset(2, job, worker, channel, queue, 50, 80);
    expect(fieldsOf(recycled)).toEqual(
      fieldsOf(new OfferRecord(2, job, worker, channel, queue, 50, 80)),
    );
  });

  it("a reset assignment record is field for field a new one", () => {
    const job = newJob(0, [], "job", 0);
    const recycled = new AssignmentRecord(1, job, worker, channel, 10);
    makeStale(recycled);
    recycled.reset(2, job, worker, channel, 50);
    expect(fieldsOf(recycled)).toEqual(fieldsOf(new AssignmentRecord(2, job, worker, channel, 50)));
  });
});
