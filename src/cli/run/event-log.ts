/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into the file it is given (a long run has millions of
 * events, which must not pile up in memory). The serializer writes each line straight into one
 * reused 1 MiB byte buffer, written out whenever it fills. The caller gives a temporary name
 * and moves the file into place only once the whole run has succeeded, with the other outputs.
 */
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { EventGridSerializer, JsonBytes } from "../../report/event-grid/index.ts";
import type { RouterEvent } from "../../router/index.ts";

const BUFFER_BYTES = 1 << 20;

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
