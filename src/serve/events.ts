/**
 * The service's events as `ccsim serve` delivers them: every router event, as it happens, in the
 * Event Grid schema that `ccsim run --events` writes (one JSON line per event, the same
 * serializer), to whoever listens: server-sent-event streams (GET /ccsim/events) and the JSONL
 * file of `--events`. Every event is serialized whether or not anyone listens, so an event's
 * id (hashed from its place in the stream) does not depend on who was listening.
 */
import { EventGridSerializer } from "../report/event-grid/index.ts";
import type { Router } from "../router/index.ts";

/** Takes each event's line (JSON, no newline). */
export type EventSink = (line: string) => void;

/** The router's events, serialized once, fanned out to the sinks listening now. */
export class ServiceEvents {
  private readonly serializer: EventGridSerializer;
  private readonly sinks = new Set<EventSink>();
  /** Events published so far. */
  published = 0;

  /** Listens to `router` from now on; times count from `startTime` (ISO-8601). */
  constructor(router: Router, startTime: string, seed: number) {
    this.serializer = new EventGridSerializer({ startTime, seed, replication: 0 });
    router.subscribe((event) => {
      const line = this.serializer.serializeLine(event);
      this.published++;
      for (const sink of this.sinks) sink(line);
    });
  }

  /** Adds a sink; returns a function that removes it. */
  listen(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => {
      this.sinks.delete(sink);
    };
  }
}
