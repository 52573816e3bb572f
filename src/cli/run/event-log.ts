/**
 * The `events.jsonl` writer: the first replication's router events, one Event Grid JSON object
 * per line, streamed through a buffer into a temporary file (a long run has millions of events,
 * which must not pile up in memory) and renamed into place only when the run succeeds.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { EventGridSerializer, type RouterEvent } from "../../router/index.ts";
import { temporaryNameOf } from "./atomic-files.ts";

const FLUSH_AT_CHARACTERS = 1 << 20;

/** Writes events to `<path>.partial-<pid>`; `commit` renames it to `path`, `abort` removes it. */
export class EventLog {
  private readonly serializer: EventGridSerializer;
  private readonly temporaryPath: string;
  private descriptor: number;
  private pending: string[] = [];
  private pendingCharacters = 0;

  constructor(
    private readonly path: string,
    options: { startTime: string; seed: number; replication: number },
  ) {
    this.serializer = new EventGridSerializer(options);
    this.temporaryPath = temporaryNameOf(path);
    this.descriptor = openSync(this.temporaryPath, "w");
  }

  /** Appends one event. */
  write(event: RouterEvent): void {
    const line = this.serializer.serializeLine(event);
    this.pending.push(line);
    this.pendingCharacters += line.length + 1;
    if (this.pendingCharacters >= FLUSH_AT_CHARACTERS) this.flush();
  }

  /** Flushes, closes and moves the file into place. */
  commit(): void {
    this.flush();
    closeSync(this.descriptor);
    this.descriptor = -1;
    renameSync(this.temporaryPath, this.path);
  }

  /** Closes and removes the temporary file. */
  abort(): void {
    if (this.descriptor >= 0) closeSync(this.descriptor);
    this.descriptor = -1;
    rmSync(this.temporaryPath, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.descriptor, `${this.pending.join("\n")}\n`);
    this.pending = [];
    this.pendingCharacters = 0;
  }
}
