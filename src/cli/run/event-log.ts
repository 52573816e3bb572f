/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into the file it is given (a long run has millions of
 * events, which must not pile up in memory). Lines are encoded straight into one reused byte
 * buffer (joining millions of short strings and encoding them again cost more than building
 * them). The caller gives a temporary name and moves the file into place only once the whole
 * run has succeeded, together with the other outputs.
 */
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { EventGridSerializer, type RouterEvent } from "../../router/index.ts";

const BUFFER_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/** Writes events to `path`; `finish` flushes and closes it, `abort` closes and removes it. */
export class EventLog {
  private readonly serializer: EventGridSerializer;
  private descriptor: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(
    private readonly path: string,
    options: { startTime: string; seed: number; replication: number },
  ) {
    this.serializer = new EventGridSerializer(options);
    this.descriptor = openSync(path, "w");
  }

  /** Appends one event. */
  write(event: RouterEvent): void {
    const line = this.serializer.serializeLine(event);
    // A UTF-16 code unit takes at most 3 UTF-8 bytes; the newline one more.
    const worstBytes = line.length * 3 + 1;
    if (this.used + worstBytes > BUFFER_BYTES) this.flush();
    if (worstBytes > BUFFER_BYTES) {
      writeSync(this.descriptor, `${line}\n`);
      return;
    }
    this.used += this.buffer.write(line, this.used, "utf8");
    this.buffer[this.used++] = NEWLINE;
  }

  /** Flushes and closes the file. */
  finish(): void {
    this.flush();
    closeSync(this.descriptor);
    this.descriptor = -1;
  }

  /** Closes and removes the file. */
  abort(): void {
    if (this.descriptor >= 0) closeSync(this.descriptor);
    this.descriptor = -1;
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    let written = 0;
    while (written < this.used) {
      written += writeSync(this.descriptor, this.buffer, written, this.used - written);
    }
    this.used = 0;
  }
}
