/**
 * The Event Grid writer of `events.jsonl` (output contract §5): the router's events in the
 * Event Grid schema, written straight into bytes. A reporter of what the router says; it reads
 * only the router's event types.
 */
export type { EventGridEvent, EventGridOptions } from "./event-grid.ts";
export { deterministicEventId, EventGridSerializer } from "./event-grid.ts";
export { type ByteSink, JsonBytes } from "./json-bytes.ts";
