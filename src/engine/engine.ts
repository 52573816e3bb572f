/**
 * The simulation engine: a virtual clock plus a pending-event heap (with FIFO lanes for events
 * due now and for events a constant delay ahead) and the run loop.
 * Knows nothing about contact centers. Events are (time, handler, numeric argument); a handler
 * is registered once with its priority class, so scheduling allocates nothing per event.
 * Invariants: `now` never decreases; equal times fire by (priority class, insertion order);
 * a cancelled event never fires. A run that stops advancing (a million events within one
 * instant) throws `SimulationStalled` naming the handlers that were firing.
 */
import { EventHeap } from "./event-heap.ts";
import { STALL_INSTANT_SECONDS, StallWatch } from "./stall-watch.ts";

export {
  type HandlerCount,
  MAX_EVENTS_AT_ONE_INSTANT,
  SimulationStalled,
  STALL_INSTANT_SECONDS,
} from "./stall-watch.ts";

/** Called when an event fires; `argument` is whatever number was passed to `schedule`. */
export type EventHandler = (argument: number) => void;

/** Opaque handle of a scheduled event, for `cancel`. Never 0 or negative. */
export type TimerId = number;

/** The "no timer" value, convenient for typed-array fields holding timer ids. */
export const NO_TIMER: TimerId = 0;

/** Scheduling at a time before `now`, at NaN, or at an unknown handler. */
export class SchedulingError extends Error {
  override name = "SchedulingError";
}

/**
 * Why `runUntil` returned: it `reached` its time, was `stopped` by `stop()`, or fired its
 * whole event `budget` first (call again to go on; the outcome is the same as one call).
 */
export type RunStatus = "reached" | "stopped" | "budget";

/** A check run after every fired event, given the event's handler name and argument. */
export type AfterEvent = (handlerName: string, argument: number) => void;

/**
 * Discrete-event engine. Typical use:
 * ```ts
 * const engine = new Engine();
 * const arrive = engine.registerHandler("arrival", (streamIndex) => { ... }, 1);
 * engine.schedule(12.5, arrive, 0);
 * engine.runUntil(3600);
 * ```
 */
export class Engine {
  private readonly heap = new EventHeap();
  /** Registered handlers by id: plain arrays of their functions, names and priority classes. */
  private readonly handlerFunctions: EventHandler[] = [];
  private readonly handlerNames: string[] = [];
  private readonly priorityClasses: number[] = [];
  /** Now; 0 from the constructor on (stored NaN first: see there). */
  private currentTime = Number.NaN;
  private stopRequested = false;
  private firedCount = 0;
  private readonly stallWatch: StallWatch;
  /** The stall watch's count, kept by the run loop: the current instant ends after this time… */
  private instantEndSeconds = Number.NEGATIVE_INFINITY;
  /** …and this many events fired within it. */
  private eventsInInstant = 0;
  /** Called after every fired event (used by `--check-invariants`); null when unused. */
  private readonly afterEvent: AfterEvent | null;

  /**
   * `maxEventsAtOneInstant`: the stall limit (tests lower it; see `MAX_EVENTS_AT_ONE_INSTANT`);
   * `afterEvent`: called after every fired event with its handler's name and argument.
   */
  constructor(options: { maxEventsAtOneInstant?: number; afterEvent?: AfterEvent } = {}) {
    // Stored NaN first, so the field is a double from the start; the clock starts at 0 (see
    // docs/router-performance.md, "Fields born with their final representation").
    this.currentTime = 0;
    this.afterEvent = options.afterEvent ?? null;
    this.stallWatch = new StallWatch(
      (handlerId) => this.handlerName(handlerId),
      options.maxEventsAtOneInstant,
    );
  }

  /** Current simulated time in seconds. */
  get now(): number {
    return this.currentTime;
  }

  /** Number of events waiting to fire. */
  get pendingCount(): number {
    return this.heap.size;
  }

  /**
   * When the next pending event is due, in simulated seconds; null when none is pending (a
   * caller driving the engine by a real clock sleeps until then).
   */
  nextEventSeconds(): number | null {
    const time = this.heap.earliestTime();
    return time === Number.POSITIVE_INFINITY ? null : time;
  }

  /** Number of events fired so far. */
  get processedCount(): number {
    return this.firedCount;
  }

  /**
   * Registers a handler and returns its id for `schedule`. Among events at the same time, a
   * lower `priorityClass` fires first (a small non-negative integer); within a class, events
   * fire in the order they were scheduled.
   */
  registerHandler(name: string, handler: EventHandler, priorityClass = 0): number {
    if (!Number.isInteger(priorityClass) || priorityClass < 0 || priorityClass > 255) {
      throw new RangeError(`priority class must be an integer in 0..255, got ${priorityClass}`);
    }
    this.handlerFunctions.push(handler);
    this.handlerNames.push(name);
    this.priorityClasses.push(priorityClass);
    return this.handlerFunctions.length - 1;
  }

  /** Schedules `handlerId(argument)` at absolute time `atSeconds` (≥ now). */
  schedule(atSeconds: number, handlerId: number, argument: number): TimerId {
    if (!(atSeconds >= this.currentTime)) {
      throw new SchedulingError(
        Number.isNaN(atSeconds)
          ? `cannot schedule an event at NaN (handler ${this.handlerName(handlerId)})`
          : `cannot schedule an event in the past: ${atSeconds} < now ${this.currentTime} (handler ${this.handlerName(handlerId)})`,
      );
    }
    const priorityClass = this.priorityClassOf(handlerId);
    if (atSeconds === this.currentTime) {
      return this.heap.pushNow(atSeconds, priorityClass, handlerId, argument);
    }
    return this.heap.push(atSeconds, priorityClass, handlerId, argument);
  }

  /**
   * A lane for events of `handlerId` always scheduled the same `delaySeconds` (> 0) ahead, for
   * `scheduleInLane`; the same lane for the same handler and delay. Such events are in time
   * order as they are scheduled, so they wait in a FIFO (O(1) to schedule and to cancel)
   * instead of the heap, and fire exactly when and in the order `scheduleAfter` would.
   */
  delayLane(handlerId: number, delaySeconds: number): number {
    const priorityClass = this.priorityClassOf(handlerId);
    if (!(delaySeconds > 0)) {
      throw new SchedulingError(
        `a delay lane needs a delay > 0, got ${delaySeconds} (handler ${this.handlerName(handlerId)})`,
      );
    }
    return this.heap.delayLane(handlerId, priorityClass, delaySeconds);
  }

  /** As `scheduleAfter(delay, handler, argument)` with `laneId`'s delay and handler. */
  scheduleInLane(laneId: number, argument: number): TimerId {
    return this.heap.pushDelayed(laneId, this.currentTime, argument);
  }

  /**
   * A lane of its own for events of `handlerId` that its caller schedules in time order, each
   * at or after the one before (`scheduleInOrder`: one arrival stream's arrivals). They wait in
   * a FIFO (O(1) to schedule and to take) instead of the heap, and fire exactly when and in the
   * order `schedule` would (an event out of order goes to the heap).
   */
  orderedLane(handlerId: number): number {
    return this.heap.orderedLane(handlerId, this.priorityClassOf(handlerId));
  }

  /** As `schedule(atSeconds, handler, argument)` with ordered lane `laneId`'s handler. */
  scheduleInOrder(laneId: number, atSeconds: number, argument: number): TimerId {
    if (!(atSeconds >= this.currentTime)) {
      // `schedule` throws, with the same message as ever.
      return this.schedule(atSeconds, this.heap.laneHandler(laneId), argument);
    }
    return this.heap.pushOrdered(laneId, atSeconds, argument);
  }

  /** The priority class `handlerId` was registered with; throws for an unknown handler. */
  private priorityClassOf(handlerId: number): number {
    const priorityClass = this.priorityClasses[handlerId];
    if (priorityClass === undefined) throw new SchedulingError(`unknown handler id ${handlerId}`);
    return priorityClass;
  }

  /** Schedules `handlerId(argument)` after `delaySeconds` (≥ 0) from now. */
  scheduleAfter(delaySeconds: number, handlerId: number, argument: number): TimerId {
    return this.schedule(this.currentTime + delaySeconds, handlerId, argument);
  }

  /** Cancels a pending event; returns false when it already fired or was cancelled. */
  cancel(timerId: TimerId): boolean {
    return this.heap.remove(timerId);
  }

  /** True while the event is pending. */
  isPending(timerId: TimerId): boolean {
    return this.heap.contains(timerId);
  }

  /** Firing time of a pending event, or NaN when it is not pending. */
  timeOf(timerId: TimerId): number {
    return this.heap.timeOf(timerId);
  }

  /** Asks the run loop to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Fires events in order while their time is ≤ `untilSeconds`, then advances the clock to
   * `untilSeconds` (unless stopped early). Returns true when it was stopped by `stop()`.
   */
  runUntil(untilSeconds: number): boolean {
    return this.runWithin(untilSeconds) === "stopped";
  }

  /**
   * `runUntil` with at most `maxEvents` events: returns "budget" when they are spent before
   * `untilSeconds` is reached (the clock then stays at the last event), so a caller can look
   * up now and then during a long stretch of events; slicing a run never changes its outcome.
   * Throws `SimulationStalled` when the run stops advancing.
   */
  runWithin(untilSeconds: number, maxEvents = Number.POSITIVE_INFINITY): RunStatus {
    if (Number.isNaN(untilSeconds)) throw new SchedulingError("cannot run until NaN");
    this.stopRequested = false;
    const heap = this.heap;
    const handlerFunctions = this.handlerFunctions;
    const sampleFrom = this.stallWatch.sampleFrom;
    let fired = 0;
    // One call per event takes it (from the heap or the "now" lane); the stall watch's count
    // is inline (see stall-watch.ts).
    while (fired < maxEvents) {
      const slot = heap.popDue(untilSeconds);
      if (slot < 0) break;
      const timeSeconds = heap.poppedTime;
      const handlerId = heap.handlerOf(slot);
      this.currentTime = timeSeconds;
      if (timeSeconds > this.instantEndSeconds) {
        this.instantEndSeconds = timeSeconds + STALL_INSTANT_SECONDS;
        this.eventsInInstant = 1;
      } else if (++this.eventsInInstant > sampleFrom) {
        this.stallWatch.count(timeSeconds, handlerId, this.eventsInInstant);
      }
      this.firedCount++;
      fired++;
      const argument = heap.argumentOf(slot);
      (handlerFunctions[handlerId] as EventHandler)(argument);
      if (this.afterEvent !== null) this.afterEvent(this.handlerName(handlerId), argument);
      if (this.stopRequested) return "stopped";
    }
    if (heap.hasDue(untilSeconds)) return "budget";
    if (untilSeconds > this.currentTime && untilSeconds !== Number.POSITIVE_INFINITY) {
      this.currentTime = untilSeconds;
    }
    return "reached";
  }

  /** Fires events until none are pending (or `stop()`); returns true when stopped. */
  run(): boolean {
    return this.runUntil(Number.POSITIVE_INFINITY);
  }

  private handlerName(handlerId: number): string {
    return this.handlerNames[handlerId] ?? `#${handlerId}`;
  }
}
