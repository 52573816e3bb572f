/**
 * Watches the run loop for a run that stops advancing: too many events fired while the clock
 * stays within one instant. The run loop counts events per instant (one comparison and one
 * increment per event); this counts events per handler only for the last events before it
 * gives up, to say what was firing.
 */

/**
 * Events allowed within one instant (a span of `STALL_INSTANT_SECONDS`) before the run is
 * declared stalled, by default. A loop that re-fires at one time reaches 100,000 events within
 * about two seconds (each event runs router matching), while an ordinary model fires a few
 * events per job or worker at any instant; callers with many simultaneous actors (a whole
 * center starting its shift at once) raise the limit in proportion (see simulate.ts).
 */
export const MAX_EVENTS_AT_ONE_INSTANT = 100_000;

/**
 * Width of "one instant", in seconds. A microsecond is a thousandth of the finest duration a
 * scenario can write (1ms), so no model spaces meaningful events closer; and it catches the
 * clock creeping forward by 1e-300 s per event (a rate of 1e300 per hour), which never
 * leaves exactly the same time.
 */
export const STALL_INSTANT_SECONDS = 1e-6;

/** Events counted per handler, at the end of a stall, to name what was firing. */
const SAMPLED_EVENTS = 10_000;

/** How many events of one handler fired in the sample taken during a stall. */
export interface HandlerCount {
  readonly handler: string;
  readonly count: number;
}

/** The run stopped advancing: `eventCount` events fired within one instant at `timeSeconds`. */
export class SimulationStalled extends Error {
  override readonly name = "SimulationStalled";

  constructor(
    readonly timeSeconds: number,
    readonly eventCount: number,
    /** The handlers of the last events before the stop, most frequent first. */
    readonly handlerCounts: readonly HandlerCount[],
  ) {
    const firing = handlerCounts.map(({ handler, count }) => `${handler} ×${count}`).join(", ");
    super(`${eventCount} events at simulated time ${timeSeconds} s without advancing (${firing})`);
  }
}

/**
 * Counts the last events of an instant, per handler, once the run loop has seen `sampleFrom`
 * events within it (the loop counts events per instant itself: one comparison and one
 * increment per event); `count` throws `SimulationStalled` at the limit.
 */
export class StallWatch {
  /** Events within one instant after which each further event is passed to `count`. */
  readonly sampleFrom: number;
  private sample: number[] = [];

  constructor(
    private readonly handlerName: (handlerId: number) => string,
    private readonly limit = MAX_EVENTS_AT_ONE_INSTANT,
  ) {
    this.sampleFrom = limit - Math.min(SAMPLED_EVENTS, limit / 2);
  }

  /**
   * Notes an event about to fire at `timeSeconds` with handler `handlerId`, the
   * `eventsInInstant`-th (> `sampleFrom`) within its instant; throws at the limit.
   */
  count(timeSeconds: number, handlerId: number, eventsInInstant: number): void {
    // The first sampled event of an instant starts a new sample.
    if (eventsInInstant <= this.sampleFrom + 1) this.sample = [];
    this.sample[handlerId] = (this.sample[handlerId] ?? 0) + 1;
    if (eventsInInstant < this.limit) return;
    const counts: HandlerCount[] = [];
    for (const [id, count] of this.sample.entries()) {
      if (count !== undefined) counts.push({ handler: this.handlerName(id), count });
    }
    counts.sort((a, b) => b.count - a.count || a.handler.localeCompare(b.handler));
    throw new SimulationStalled(timeSeconds, eventsInInstant, counts);
  }
}
