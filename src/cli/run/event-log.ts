/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into the file it is given (a long run has millions of
 * events, which must not pile up in memory). Events are kept as they come, 1,024 at a time, and
 * then serialized in one loop (see `EVENTS_PER_BATCH`); the serializer writes each line straight
 * into one reused 64 KiB byte buffer, written out whenever it fills. The caller gives a
 * temporary name and moves the file into place only once the whole run has succeeded, with the
 * other outputs.
 *
 * Serializing later is exact because an event is a snapshot: the router builds a new object for
 * each, of strings, numbers and the labels, tags and selector lists it shares with the router,
 * which never mutates them (they are frozen; test/cli/event-log.test.ts checks every object the
 * shipped scenarios' events carry). An error of the serializer (a time outside `Date`'s range)
 * surfaces at the write that fills the batch, or at `finish`, instead of at its own event: the
 * run fails all the same, and `runReplicationTask` removes the file.
 */
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { EventGridSerializer, JsonBytes } from "../../report/event-grid/index.ts";
import type { RouterEvent } from "../../router/index.ts";

/**
 * 64 KiB a write. On the benchmark's virtual machine, writes of 1 MiB cost the kernel about four
 * times as much as writes of 64 KiB (perf-mm50, 300,000 jobs, 846 MB of events: 5.1 against
 * 1.2 µs of system time a job, paired), most likely because large writes get large page-cache
 * blocks, which that machine takes from memory it has handed back to its host and must fault in
 * again. The 13,000 writes of those 846 MB cost next to nothing.
 */
const BUFFER_BYTES = 1 << 16;

/**
 * Events kept before serializing them in one loop. Serializing each event as it came cost about
 * 7-9% more CPU a job in perf-mm50 (most likely the serializer's code and pieces and the
 * simulation's data evicting each other from the caches, call after call); 4,096 measured alike,
 * 256 worse, 16,384 worse still (its kept events outlive the young generation).
 */
const EVENTS_PER_BATCH = 1024;

/** Writes events to `path`; `finish` flushes and closes it, `abort` closes and removes it. */
export class EventLog {
  private readonly serializer: EventGridSerializer;
  private descriptor: number;
  private readonly bytes: JsonBytes;

  private readonly pending: RouterEvent[] = [];

  constructor(
    private readonly path: string,
    options: { startTime: string; seed: number; replication: number },
    private readonly eventsPerBatch = EVENTS_PER_BATCH,
  ) {
    this.serializer = new EventGridSerializer(options);
    this.descriptor = openSync(path, "w");
    this.bytes = new JsonBytes(BUFFER_BYTES, (bytes, length) => this.writeOut(bytes, length));
  }

  /** Appends one event (kept, and serialized with its batch). */
  write(event: RouterEvent): void {
    const pending = this.pending;
    pending.push(event);
    if (pending.length >= this.eventsPerBatch) this.writePending();
  }

  /** Serializes the kept events, in order, into the buffer. */
  private writePending(): void {
    const pending = this.pending;
    const serializer = this.serializer;
    const bytes = this.bytes;
    for (let i = 0; i < pending.length; i++) serializer.writeLine(bytes, pending[i] as RouterEvent);
    pending.length = 0;
  }

  /** Serializes the kept events, flushes and closes the file. */
  finish(): void {
    this.writePending();
    this.bytes.flush();
    closeSync(this.descriptor);
    this.descriptor = -1;
  }

  /** Closes and removes the file. */
  abort(): void {
    this.pending.length = 0;
    if (this.descriptor >= 0) closeSync(this.descriptor);
    this.descriptor = -1;
    rmSync(this.path, { force: true });
  }

  private writeOut(bytes: Uint8Array, length: number): void {
    let written = 0;
    while (written < length)
      written += writeSync(this.descriptor, bytes, written, length - written);
  }
}
