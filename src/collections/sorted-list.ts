/**
 * An array kept sorted by a total order (ties broken by a unique key, so every item has one
 * exact place). Insert and remove: O(log n) search plus an O(n) memmove, which for the queue
 * and worker-index sizes of a contact center (≤ ~10⁵) is cheaper than a tree; appending at the
 * tail, the common case for new jobs, is O(1). Callers must remove an item before changing
 * the fields its order depends on, and insert it again afterwards.
 */

import { objectArray } from "./object-array.ts";

/** Below this many items to move, a loop beats splice (which allocates its result array). */
const SHORT_MOVE = 32;

/** A sorted array of distinct items. */
export class SortedList<T> {
  /** The items in order; read it, never write it. */
  readonly items: T[] = objectArray();

  constructor(private readonly compare: (left: T, right: T) => number) {}

  /** Number of items. */
  get length(): number {
    return this.items.length;
  }

  /** The first position whose item is not ordered before `item`. */
  lowerBound(item: T): number {
    const items = this.items;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(items[middle] as T, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Inserts `item` at its place. */
  insert(item: T): void {
    const items = this.items;
    const last = items[items.length - 1];
    if (last === undefined || this.compare(last, item) < 0) {
      items.push(item);
      return;
    }
    const position = this.lowerBound(item);
    const end = items.length;
    if (end - position > SHORT_MOVE) {
      items.splice(position, 0, item);
      return;
    }
    items.push(item);
    for (let index = end; index > position; index--) items[index] = items[index - 1] as T;
    items[position] = item;
  }

  /** Removes `item`; returns false when it was not there. */
  remove(item: T): boolean {
    const items = this.items;
    if (items[0] === item) {
      items.shift();
      return true;
    }
    const position = this.lowerBound(item);
    if (items[position] !== item) return false;
    const last = items.length - 1;
    if (last - position > SHORT_MOVE) {
      items.splice(position, 1);
      return true;
    }
    for (let index = position + 1; index <= last; index++) items[index - 1] = items[index] as T;
    items.pop();
    return true;
  }

  /** 0-based position of `item`, or −1 when absent. */
  positionOf(item: T): number {
    const position = this.lowerBound(item);
    return this.items[position] === item ? position : -1;
  }

  /** Whether the items are in strictly increasing order (for invariant checks). */
  isSorted(): boolean {
    for (let i = 1; i < this.items.length; i++) {
      if (this.compare(this.items[i - 1] as T, this.items[i] as T) >= 0) return false;
    }
    return true;
  }
}
