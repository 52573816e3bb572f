/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into the file it is given (a long run has millions of
 * events, which must not pile up in memory). The serializer writes each line straight into one
 * reused 64 KiB byte buffer, written out whenever it fills. The caller gives a temporary name
 * and moves the file into place only once the whole run has succeeded, with the other outputs.
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

/** Writes events to `path`; `finish` flushes and closes it, `abort` closes and removes it. */
export class EventLog {
  private readonly serializer: EventGridSerializer;
  private descriptor: number;
  private readonly bytes: JsonBytes;

  constructor(
    private readonly path: string,
    options: { startTime: string; seed: number; replication: number },
  ) {
    this.serializer = new EventGridSerializer(options);
    this.descriptor = openSync(path, "w");
    this.bytes = new JsonBytes(BUFFER_BYTES, (bytes, length) => this.writeOut(bytes, length));
  }

  /** Appends one event. */
  write(event: RouterEvent): void {
    this.serializer.writeLine(this.bytes, event);
  }

  /** Flushes and closes the file. */
  finish(): void {
    this.bytes.flush();
    closeSync(this.descriptor);
    this.descriptor = -1;
  }

  /** Closes and removes the file. */
  abort(): void {
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
