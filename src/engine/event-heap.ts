/**
 * An indexed binary min-heap of pending events on typed arrays.
 *
 * Key: (time, order) where order = priorityClass · 2^44 + insertion sequence, so equal times come
 * out by priority class and then first-in-first-out: the event order is total and reproducible.
 * Each event lives in a slot; the heap holds slot numbers and each slot knows its heap position,
 * so `remove` is O(log n) (offer expiry and patience timers are cancelled far more often than
 * they fire, and lazy cancellation would let dead timers pile up). push, pop and remove are
 * O(log n); peeks are O(1). Nothing is allocated per event once the arrays have grown.
 *
 * A timer id is generation · 2^26 + slot with generation ≥ 1, so ids are positive, and an id
 * whose event has fired or been cancelled never matches the slot's next occupant.
 */

const SLOT_SPACE = 2 ** 26;
const MAX_GENERATION = 2 ** 26 - 1;
const CLASS_WEIGHT = 2 ** 44;
const INITIAL_CAPACITY = 64;

export class EventHeap {
  // Heap arrays, indexed by heap position (kept together for cache-friendly sifting).
  private heapTime = new Float64Array(INITIAL_CAPACITY);
  private heapOrder = new Float64Array(INITIAL_CAPACITY);
  private heapSlot = new Int32Array(INITIAL_CAPACITY);
  // Slot arrays, indexed by slot.
  private slotHandler = new Int32Array(INITIAL_CAPACITY);
  private slotArgument = new Float64Array(INITIAL_CAPACITY);
  private slotPosition = new Int32Array(INITIAL_CAPACITY).fill(-1);
  private slotGeneration = new Int32Array(INITIAL_CAPACITY).fill(1);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private sequence = 0;

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Adds an event and returns its timer id. */
  push(time: number, priorityClass: number, handler: number, argument: number): number {
    const slot = this.allocateSlot();
    this.slotHandler[slot] = handler;
    this.slotArgument[slot] = argument;
    const position = this.count++;
    if (position >= this.heapTime.length) this.growHeap();
    this.place(position, time, priorityClass * CLASS_WEIGHT + this.sequence++, slot);
    this.siftUp(position);
    return (this.slotGeneration[slot] as number) * SLOT_SPACE + slot;
  }

  /** Time of the earliest event; only valid when size > 0. */
  peekTime(): number {
    return this.heapTime[0] as number;
  }

  /** Handler of the earliest event; only valid when size > 0. */
  peekHandler(): number {
    return this.slotHandler[this.heapSlot[0] as number] as number;
  }

  /** Argument of the earliest event; only valid when size > 0. */
  peekArgument(): number {
    return this.slotArgument[this.heapSlot[0] as number] as number;
  }

  /** Removes the earliest event; only valid when size > 0. */
  pop(): void {
    this.removeAt(0);
  }

  /** Removes a pending event; false when the id is not pending (fired, cancelled or unknown). */
  remove(timerId: number): boolean {
    const slot = this.pendingSlot(timerId);
    if (slot < 0) return false;
    this.removeAt(this.slotPosition[slot] as number);
    return true;
  }

  /** True while the event is pending. */
  contains(timerId: number): boolean {
    return this.pendingSlot(timerId) >= 0;
  }

  /** Firing time of a pending event, or NaN. */
  timeOf(timerId: number): number {
    const slot = this.pendingSlot(timerId);
    return slot < 0 ? Number.NaN : (this.heapTime[this.slotPosition[slot] as number] as number);
  }

  private pendingSlot(timerId: number): number {
    if (!(timerId > 0) || !Number.isInteger(timerId)) return -1;
    const slot = timerId % SLOT_SPACE;
    const generation = (timerId - slot) / SLOT_SPACE;
    if (slot >= this.slotsUsed) return -1;
    if (this.slotGeneration[slot] !== generation || (this.slotPosition[slot] as number) < 0) {
      return -1;
    }
    return slot;
  }

  private removeAt(position: number): void {
    const slot = this.heapSlot[position] as number;
    this.releaseSlot(slot);
    const last = --this.count;
    if (position === last) return;
    this.place(
      position,
      this.heapTime[last] as number,
      this.heapOrder[last] as number,
      this.heapSlot[last] as number,
    );
    if (position > 0 && this.less(position, (position - 1) >> 1)) this.siftUp(position);
    else this.siftDown(position);
  }

  private place(position: number, time: number, order: number, slot: number): void {
    this.heapTime[position] = time;
    this.heapOrder[position] = order;
    this.heapSlot[position] = slot;
    this.slotPosition[slot] = position;
  }

  private less(a: number, b: number): boolean {
    const timeA = this.heapTime[a] as number;
    const timeB = this.heapTime[b] as number;
    return (
      timeA < timeB ||
      (timeA === timeB && (this.heapOrder[a] as number) < (this.heapOrder[b] as number))
    );
  }

  private siftUp(start: number): void {
    const time = this.heapTime[start] as number;
    const order = this.heapOrder[start] as number;
    const slot = this.heapSlot[start] as number;
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const parentTime = this.heapTime[parent] as number;
      if (
        parentTime < time ||
        (parentTime === time && (this.heapOrder[parent] as number) < order)
      ) {
        break;
      }
      this.place(
        position,
        parentTime,
        this.heapOrder[parent] as number,
        this.heapSlot[parent] as number,
      );
      position = parent;
    }
    this.place(position, time, order, slot);
  }

  private siftDown(start: number): void {
    const time = this.heapTime[start] as number;
    const order = this.heapOrder[start] as number;
    const slot = this.heapSlot[start] as number;
    const count = this.count;
    let position = start;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= count) break;
      if (child + 1 < count && this.less(child + 1, child)) child++;
      const childTime = this.heapTime[child] as number;
      if (time < childTime || (time === childTime && order < (this.heapOrder[child] as number))) {
        break;
      }
      this.place(
        position,
        childTime,
        this.heapOrder[child] as number,
        this.heapSlot[child] as number,
      );
      position = child;
    }
    this.place(position, time, order, slot);
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotsUsed >= this.slotHandler.length) this.growSlots();
    return this.slotsUsed++;
  }

  private releaseSlot(slot: number): void {
    this.slotPosition[slot] = -1;
    const generation = this.slotGeneration[slot] as number;
    this.slotGeneration[slot] = generation >= MAX_GENERATION ? 1 : generation + 1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    const capacity = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(capacity));
    this.heapOrder = grow(this.heapOrder, new Float64Array(capacity));
    this.heapSlot = grow(this.heapSlot, new Int32Array(capacity));
  }

  private growSlots(): void {
    const capacity = this.slotHandler.length * 2;
    if (capacity > SLOT_SPACE) throw new RangeError(`more than ${SLOT_SPACE} pending events`);
    this.slotHandler = grow(this.slotHandler, new Int32Array(capacity));
    this.slotArgument = grow(this.slotArgument, new Float64Array(capacity));
    this.slotPosition = grow(this.slotPosition, new Int32Array(capacity).fill(-1));
    this.slotGeneration = grow(this.slotGeneration, new Int32Array(capacity).fill(1));
    this.freeSlots = grow(this.freeSlots, new Int32Array(capacity));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
