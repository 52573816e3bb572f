/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into the file it is given (a long run has millions of
 * events, which must not pile up in memory). The caller gives a temporary name and moves the
 * file into place only once the whole run has succeeded, together with the other outputs.
 */
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { EventGridSerializer, type RouterEvent } from "../../router/index.ts";

const FLUSH_AT_CHARACTERS = 1 << 20;

/** Writes events to `path`; `finish` flushes and closes it, `abort` closes and removes it. */
export class EventLog {
  private readonly serializer: EventGridSerializer;
  private descriptor: number;
  private pending: string[] = [];
  private pendingCharacters = 0;

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
    this.pending.push(line);
    this.pendingCharacters += line.length + 1;
    if (this.pendingCharacters >= FLUSH_AT_CHARACTERS) this.flush();
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
    if (this.pending.length === 0) return;
    writeSync(this.descriptor, `${this.pending.join("\n")}\n`);
    this.pending = [];
    this.pendingCharacters = 0;
  }
}
