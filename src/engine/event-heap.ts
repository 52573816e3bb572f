/**
 * An indexed 4-ary min-heap of pending events on typed arrays.
 *
 * Key: (time, order) where order = priorityClass · 2^44 + insertion sequence, so equal times come
 * out by priority class and then first-in-first-out: the event order is total and reproducible.
 * Each event lives in a slot; the heap holds slot numbers and each slot knows its heap position,
 * so `remove` is O(log n) (offer expiry and patience timers are cancelled far more often than
 * they fire, and lazy cancellation would let dead timers pile up). push, pop and remove are
 * O(log n); peeks are O(1). Nothing is allocated per event once the arrays have grown.
 * Four children per node halve the depth of a binary heap, and a node's time, order and slot
 * sit side by side (`NODE` numbers), so a sift touches about one cache line per level: with
 * thousands of pending timers (long queues with patience, thousands of agents) the sifts were
 * the engine's cost (docs/router-performance.md).
 *
 * Events due now (`pushNow`) may wait in a FIFO lane instead (now-lane.ts), under the same key,
 * and so do events a constant delay ahead (`pushDelayed`, one lane per handler and delay:
 * delay-lane.ts) and events a caller pushes in time order (`pushOrdered`, a lane per caller's
 * stream); `popDue` takes the least of the heap's top and the lanes' heads.
 *
 * A timer id is generation · 2^26 + slot with generation ≥ 1, so ids are positive, and an id
 * whose event has fired or been cancelled never matches the slot's next occupant.
 */

import { DelayLane } from "./delay-lane.ts";
import { NowLane } from "./now-lane.ts";

const SLOT_SPACE = 2 ** 26;
const MAX_GENERATION = 2 ** 26 - 1;
const CLASS_WEIGHT = 2 ** 44;
const INITIAL_CAPACITY = 64;
/** Numbers per heap node: time, order, slot. */
const NODE = 3;
const TIME = 0;
const ORDER = 1;
const SLOT = 2;
/**
 * `slotPosition` of a free slot, of a slot whose event waits in the "now" lane, and of one in
 * delay lane k: `IN_DELAY_LANE - k`.
 */
const NOT_PENDING = -1;
const IN_NOW_LANE = -2;
const IN_DELAY_LANE = -3;
/** Where the earliest pending event waits (`selectEarliest`): none, the heap, the now lane… */
const NO_SOURCE = -3;
const HEAP = -2;
const NOW_LANE = -1;
// …or delay lane k ≥ 0.

export class EventHeap {
  /** Events due now, pushed with `pushNow` (see now-lane.ts); `size` counts them. */
  private readonly nowLane = new NowLane();
  /** Events a constant delay ahead, one lane per handler and delay (see delay-lane.ts). */
  private readonly delayLanes: DelayLane[] = [];
  /** Live events in all delay lanes: while none, `popDue` looks at the heap and now lane only. */
  private delayLive = 0;
  /**
   * No live delay-lane event is earlier than this (+∞ while none is live): lowered by each
   * push, made exact by `selectEarliest`, so `popDue` compares with the lanes only near them.
   */
  private delayBound = Number.POSITIVE_INFINITY;
  /** Heap nodes by position: `NODE` numbers each (time, order, slot), for cache-friendly sifts. */
  private nodes = new Float64Array(INITIAL_CAPACITY * NODE);
  // Slot arrays, indexed by slot.
  private slotHandler = new Int32Array(INITIAL_CAPACITY);
  private slotArgument = new Float64Array(INITIAL_CAPACITY);
  private slotPosition = new Int32Array(INITIAL_CAPACITY).fill(NOT_PENDING);
  private slotGeneration = new Int32Array(INITIAL_CAPACITY).fill(1);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private sequence = 0;
  /**
   * Time of the event `popDue` returned last. Born NaN (read only after `popDue` set it), a
   * double from the start (docs/router-performance.md, "Fields born with their final
   * representation").
   */
  poppedTime = Number.NaN;
  /** Time of the earliest pending event, set by `selectEarliest` (NaN before: see `poppedTime`). */
  private selectedTime = Number.NaN;

  /** Number of pending events. */
  get size(): number {
    return this.count + this.nowLane.live + this.delayLive;
  }

  /**
   * A lane for `handler`'s events of `priorityClass` due `delaySeconds` (> 0) after they are
   * pushed (`pushDelayed`); one lane per handler and delay. Returns its index.
   */
  delayLane(handler: number, priorityClass: number, delaySeconds: number): number {
    const lanes = this.delayLanes;
    for (let index = 0; index < lanes.length; index++) {
      const lane = lanes[index] as DelayLane;
      if (lane.handler === handler && lane.delaySeconds === delaySeconds) return index;
    }
    lanes.push(new DelayLane(handler, priorityClass, priorityClass * CLASS_WEIGHT, delaySeconds));
    return lanes.length - 1;
  }

  /**
   * A lane for `handler`'s events of `priorityClass` pushed in time order (`pushOrdered`), a
   * new lane each call (a caller's own stream of events). Returns its index.
   */
  orderedLane(handler: number, priorityClass: number): number {
    const lanes = this.delayLanes;
    lanes.push(new DelayLane(handler, priorityClass, priorityClass * CLASS_WEIGHT, Number.NaN));
    return lanes.length - 1;
  }

  /** The handler of lane `laneIndex`'s events. */
  laneHandler(laneIndex: number): number {
    return (this.delayLanes[laneIndex] as DelayLane).handler;
  }

  /**
   * As `push`, for ordered lane `laneIndex`'s handler at `time`: in the lane when `time` is not
   * less than the time of the lane's last live entry, else (never for a caller keeping its
   * promise of order) in the heap. Either way it fires in the same order.
   */
  pushOrdered(laneIndex: number, time: number, argument: number): number {
    const lane = this.delayLanes[laneIndex] as DelayLane;
    if (time < lane.tailTime) return this.push(time, lane.priorityClass, lane.handler, argument);
    return this.pushInLane(laneIndex, lane, time, argument);
  }

  /**
   * As `push`, for delay lane `laneIndex`'s handler at `nowSeconds` plus its delay, where
   * `nowSeconds` is never less than at the lane's previous push (the engine's clock).
   */
  pushDelayed(laneIndex: number, nowSeconds: number, argument: number): number {
    const lane = this.delayLanes[laneIndex] as DelayLane;
    return this.pushInLane(laneIndex, lane, nowSeconds + lane.delaySeconds, argument);
  }

  /** A live event of lane `laneIndex` (`lane`) at `time`, not before the lane's tail; its id. */
  private pushInLane(laneIndex: number, lane: DelayLane, time: number, argument: number): number {
    const slot = this.allocateSlot();
    this.slotHandler[slot] = lane.handler;
    this.slotArgument[slot] = argument;
    this.slotPosition[slot] = IN_DELAY_LANE - laneIndex;
    const generation = this.slotGeneration[slot] as number;
    lane.push(slot, generation, lane.classOrder + this.sequence++, time, this.slotGeneration);
    this.delayLive++;
    if (time < this.delayBound) this.delayBound = time;
    return generation * SLOT_SPACE + slot;
  }

  /**
   * As `push`, for an event due at `nowSeconds`, the time of the latest event taken by
   * `popDue` (nothing pending is earlier): it waits in the "now" lane when it goes after every
   * event there, in the heap otherwise. Either way it fires in the same order.
   */
  pushNow(nowSeconds: number, priorityClass: number, handler: number, argument: number): number {
    const lane = this.nowLane;
    const order = priorityClass * CLASS_WEIGHT + this.sequence;
    if (lane.live > 0 && !(order > lane.tailOrder)) {
      return this.push(nowSeconds, priorityClass, handler, argument);
    }
    this.sequence++;
    const slot = this.allocateSlot();
    this.slotHandler[slot] = handler;
    this.slotArgument[slot] = argument;
    this.slotPosition[slot] = IN_NOW_LANE;
    const generation = this.slotGeneration[slot] as number;
    lane.timeSeconds = nowSeconds;
    lane.push(slot, generation, order);
    return generation * SLOT_SPACE + slot;
  }

  /**
   * Takes the earliest pending event if it is due by `untilSeconds`, from the heap or the "now"
   * lane, and returns its slot (read it with `handlerOf` and `argumentOf` before the next push;
   * its time is `poppedTime`); −1 when none is due.
   */
  popDue(untilSeconds: number): number {
    // The heap's top or the now lane's head wins outright when it is earlier than every delay
    // lane's event (`delayBound`); otherwise, or when only delay lanes hold events, all
    // sources are compared (`popDueAmongAll`).
    const lane = this.nowLane;
    if (lane.live > 0) {
      let slot = lane.headSlot();
      if (this.slotGeneration[slot] !== lane.headGeneration()) slot = this.skipCancelledHeads();
      const laneTime = lane.timeSeconds;
      if (laneTime > untilSeconds) return -1;
      const heapTime = this.nodes[TIME] as number;
      if (
        this.count === 0 ||
        heapTime > laneTime ||
        (this.nodes[ORDER] as number) > lane.headOrder()
      ) {
        if (!(laneTime < this.delayBound) && this.delayLive > 0) {
          return this.popDueAmongAll(untilSeconds);
        }
        this.poppedTime = laneTime;
        this.releaseSlot(slot);
        lane.shift(true);
        return slot;
      }
    }
    if (this.count > 0) {
      const time = this.nodes[TIME] as number;
      if (time < this.delayBound || this.delayLive === 0) {
        if (time > untilSeconds) return -1;
        this.poppedTime = time;
        return this.popSlot();
      }
    }
    return this.delayLive > 0 ? this.popDueAmongAll(untilSeconds) : -1;
  }

  /** `popDue` while delay lanes hold live events. */
  private popDueAmongAll(untilSeconds: number): number {
    const source = this.selectEarliest();
    if (source === NO_SOURCE || this.selectedTime > untilSeconds) return -1;
    this.poppedTime = this.selectedTime;
    if (source === HEAP) return this.popSlot();
    let slot: number;
    if (source === NOW_LANE) {
      slot = this.nowLane.headSlot();
      this.nowLane.shift(true);
    } else {
      const lane = this.delayLanes[source] as DelayLane;
      slot = lane.headSlot();
      lane.shift(true);
      if (--this.delayLive === 0) this.delayBound = Number.POSITIVE_INFINITY;
    }
    this.releaseSlot(slot);
    return slot;
  }

  /**
   * Where the earliest pending event waits (`NO_SOURCE` when none), its time in
   * `selectedTime`: the least by (time, order) of the heap's top and the lanes' live heads
   * (cancelled heads are dropped on the way).
   */
  private selectEarliest(): number {
    let source = NO_SOURCE;
    let time = 0;
    let order = 0;
    if (this.count > 0) {
      source = HEAP;
      time = this.nodes[TIME] as number;
      order = this.nodes[ORDER] as number;
    }
    const nowLane = this.nowLane;
    if (nowLane.live > 0) {
      this.skipCancelledHeads();
      const laneTime = nowLane.timeSeconds;
      const laneOrder = nowLane.headOrder();
      if (source === NO_SOURCE || laneTime < time || (laneTime === time && laneOrder < order)) {
        source = NOW_LANE;
        time = laneTime;
        order = laneOrder;
      }
    }
    const lanes = this.delayLanes;
    let bound = Number.POSITIVE_INFINITY;
    for (let index = 0; index < lanes.length; index++) {
      const lane = lanes[index] as DelayLane;
      if (lane.live === 0) continue;
      lane.skipDeadHeads(this.slotGeneration);
      const laneTime = lane.headTime();
      if (laneTime < bound) bound = laneTime;
      const laneOrder = lane.headOrder();
      if (source === NO_SOURCE || laneTime < time || (laneTime === time && laneOrder < order)) {
        source = index;
        time = laneTime;
        order = laneOrder;
      }
    }
    this.delayBound = bound;
    this.selectedTime = time;
    return source;
  }

  /** Drops cancelled entries from the head of the "now" lane (it has a live one); its slot. */
  private skipCancelledHeads(): number {
    const lane = this.nowLane;
    let slot = lane.headSlot();
    while (this.slotGeneration[slot] !== lane.headGeneration()) {
      lane.shift(false);
      slot = lane.headSlot();
    }
    return slot;
  }

  /** Time of the earliest pending event (heap or lanes); +∞ when none is pending. */
  earliestTime(): number {
    return this.selectEarliest() === NO_SOURCE ? Number.POSITIVE_INFINITY : this.selectedTime;
  }

  /** Whether an event is due by `untilSeconds`. */
  hasDue(untilSeconds: number): boolean {
    if (this.delayLive > 0) {
      return this.selectEarliest() !== NO_SOURCE && this.selectedTime <= untilSeconds;
    }
    if (this.nowLane.live > 0) return this.nowLane.timeSeconds <= untilSeconds;
    return this.count > 0 && (this.nodes[TIME] as number) <= untilSeconds;
  }

  /** Adds an event and returns its timer id. */
  push(time: number, priorityClass: number, handler: number, argument: number): number {
    const slot = this.allocateSlot();
    this.slotHandler[slot] = handler;
    this.slotArgument[slot] = argument;
    const position = this.count++;
    if (position * NODE >= this.nodes.length) this.growHeap();
    this.siftUp(position, time, priorityClass * CLASS_WEIGHT + this.sequence++, slot);
    return (this.slotGeneration[slot] as number) * SLOT_SPACE + slot;
  }

  /** Time of the earliest event; only valid when size > 0. */
  peekTime(): number {
    return this.nodes[TIME] as number;
  }

  /** Handler of the earliest event; only valid when size > 0. */
  peekHandler(): number {
    return this.slotHandler[this.nodes[SLOT] as number] as number;
  }

  /** Argument of the earliest event; only valid when size > 0. */
  peekArgument(): number {
    return this.slotArgument[this.nodes[SLOT] as number] as number;
  }

  /** Removes the earliest event; only valid when size > 0. */
  pop(): void {
    this.popSlot();
  }

  /**
   * Removes the earliest event (only valid when size > 0) and returns its slot, whose handler
   * and argument stay readable (`handlerOf`, `argumentOf`) until the next `push`: the run loop
   * peeks once and pops once per event.
   */
  popSlot(): number {
    const nodes = this.nodes;
    const slot = nodes[SLOT] as number;
    this.releaseSlot(slot);
    const last = --this.count;
    if (last > 0) {
      const at = last * NODE;
      this.siftDown(
        0,
        nodes[at + TIME] as number,
        nodes[at + ORDER] as number,
        nodes[at + SLOT] as number,
      );
    }
    return slot;
  }

  /** Handler of the event in `slot` (pending, or just returned by `popSlot`). */
  handlerOf(slot: number): number {
    return this.slotHandler[slot] as number;
  }

  /** Argument of the event in `slot` (pending, or just returned by `popSlot`). */
  argumentOf(slot: number): number {
    return this.slotArgument[slot] as number;
  }

  /** Removes a pending event; false when the id is not pending (fired, cancelled or unknown). */
  remove(timerId: number): boolean {
    const slot = this.pendingSlot(timerId);
    if (slot < 0) return false;
    const position = this.slotPosition[slot] as number;
    if (position === IN_NOW_LANE) {
      // Its lane entry is skipped when it comes to the head (its slot's generation moved on).
      this.releaseSlot(slot);
      this.nowLane.cancelled();
    } else if (position <= IN_DELAY_LANE) {
      // Likewise in its delay lane.
      this.releaseSlot(slot);
      (this.delayLanes[IN_DELAY_LANE - position] as DelayLane).cancelled();
      if (--this.delayLive === 0) this.delayBound = Number.POSITIVE_INFINITY;
    } else {
      this.removeAt(position);
    }
    return true;
  }

  /** True while the event is pending. */
  contains(timerId: number): boolean {
    return this.pendingSlot(timerId) >= 0;
  }

  /** Firing time of a pending event, or NaN. */
  timeOf(timerId: number): number {
    const slot = this.pendingSlot(timerId);
    if (slot < 0) return Number.NaN;
    const position = this.slotPosition[slot] as number;
    if (position === IN_NOW_LANE) return this.nowLane.timeSeconds;
    if (position <= IN_DELAY_LANE) {
      const lane = this.delayLanes[IN_DELAY_LANE - position] as DelayLane;
      return lane.timeOf(slot, this.slotGeneration[slot] as number);
    }
    return this.nodes[position * NODE + TIME] as number;
  }

  private pendingSlot(timerId: number): number {
    if (!(timerId > 0) || !Number.isInteger(timerId)) return -1;
    // Division by a power of two is exact; `%` on ids beyond 2^31 would be a floating modulo.
    const generation = Math.floor(timerId / SLOT_SPACE);
    const slot = timerId - generation * SLOT_SPACE;
    if (slot >= this.slotsUsed) return -1;
    if (this.slotGeneration[slot] !== generation || this.slotPosition[slot] === NOT_PENDING) {
      return -1;
    }
    return slot;
  }

  /** Removes the node at `position`: the last node takes its place and sifts up or down. */
  private removeAt(position: number): void {
    const nodes = this.nodes;
    this.releaseSlot(nodes[position * NODE + SLOT] as number);
    const last = --this.count;
    if (position === last) return;
    const at = last * NODE;
    const time = nodes[at + TIME] as number;
    const order = nodes[at + ORDER] as number;
    const slot = nodes[at + SLOT] as number;
    if (position > 0) {
      const parent = ((position - 1) >> 2) * NODE;
      const parentTime = nodes[parent + TIME] as number;
      if (time < parentTime || (time === parentTime && order < (nodes[parent + ORDER] as number))) {
        this.siftUp(position, time, order, slot);
        return;
      }
    }
    this.siftDown(position, time, order, slot);
  }

  /** Places (time, order, slot) at `start` or above it, moving larger ancestors down. */
  private siftUp(start: number, time: number, order: number, slot: number): void {
    const nodes = this.nodes;
    const slotPosition = this.slotPosition;
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 2;
      const from = parent * NODE;
      const parentTime = nodes[from + TIME] as number;
      if (parentTime < time || (parentTime === time && (nodes[from + ORDER] as number) < order)) {
        break;
      }
      const to = position * NODE;
      const parentSlot = nodes[from + SLOT] as number;
      nodes[to + TIME] = parentTime;
      nodes[to + ORDER] = nodes[from + ORDER] as number;
      nodes[to + SLOT] = parentSlot;
      slotPosition[parentSlot] = position;
      position = parent;
    }
    const to = position * NODE;
    nodes[to + TIME] = time;
    nodes[to + ORDER] = order;
    nodes[to + SLOT] = slot;
    slotPosition[slot] = position;
  }

  /** Places (time, order, slot) at `start` or below it, moving smaller children up. */
  private siftDown(start: number, time: number, order: number, slot: number): void {
    const nodes = this.nodes;
    const slotPosition = this.slotPosition;
    const count = this.count;
    let position = start;
    for (;;) {
      const first = 4 * position + 1;
      if (first >= count) break;
      // The least of up to four children.
      let child = first;
      let childTime = nodes[first * NODE + TIME] as number;
      let childOrder = nodes[first * NODE + ORDER] as number;
      const end = first + 4 < count ? first + 4 : count;
      for (let next = first + 1; next < end; next++) {
        const nextTime = nodes[next * NODE + TIME] as number;
        if (nextTime > childTime) continue;
        const nextOrder = nodes[next * NODE + ORDER] as number;
        if (nextTime < childTime || nextOrder < childOrder) {
          child = next;
          childTime = nextTime;
          childOrder = nextOrder;
        }
      }
      if (time < childTime || (time === childTime && order < childOrder)) break;
      const to = position * NODE;
      const childSlot = nodes[child * NODE + SLOT] as number;
      nodes[to + TIME] = childTime;
      nodes[to + ORDER] = childOrder;
      nodes[to + SLOT] = childSlot;
      slotPosition[childSlot] = position;
      position = child;
    }
    const to = position * NODE;
    nodes[to + TIME] = time;
    nodes[to + ORDER] = order;
    nodes[to + SLOT] = slot;
    slotPosition[slot] = position;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotsUsed >= this.slotHandler.length) this.growSlots();
    return this.slotsUsed++;
  }

  private releaseSlot(slot: number): void {
    this.slotPosition[slot] = NOT_PENDING;
    const generation = this.slotGeneration[slot] as number;
    this.slotGeneration[slot] = generation >= MAX_GENERATION ? 1 : generation + 1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    this.nodes = grow(this.nodes, new Float64Array(this.nodes.length * 2));
  }

  private growSlots(): void {
    const capacity = this.slotHandler.length * 2;
    if (capacity > SLOT_SPACE) throw new RangeError(`more than ${SLOT_SPACE} pending events`);
    this.slotHandler = grow(this.slotHandler, new Int32Array(capacity));
    this.slotArgument = grow(this.slotArgument, new Float64Array(capacity));
    this.slotPosition = grow(this.slotPosition, new Int32Array(capacity).fill(NOT_PENDING));
    this.slotGeneration = grow(this.slotGeneration, new Int32Array(capacity).fill(1));
    this.freeSlots = grow(this.freeSlots, new Int32Array(capacity));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
