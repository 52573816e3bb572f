/**
 * A sorted sequence of distinct items stored as a list of chunks (arrays of at most
 * `MAX_CHUNK` items), for lists that may grow without bound (a queue in overload). Insert and
 * remove cost O(log n) comparisons plus at most one chunk's worth of moves (and, on a split or
 * merge every Ω(MIN_CHUNK) operations, one move per chunk); appending at the tail and taking the
 * head, a queue's usual traffic, move nothing or one short chunk (at most `HEAD_CHUNK` items,
 * plus a split of the first chunk every `HEAD_CHUNK` dequeues). `positionOf` is O(log n + n /
 * MIN_CHUNK). Callers must remove an item before changing what its order depends on.
 * `movedItems` counts the item slots shifted, so tests can bound the work without a clock.
 */

import { objectArray } from "./object-array.ts";

/** Largest chunk; a chunk that would grow past it is split (or, at the tail, a new one started). */
const MAX_CHUNK = 512;
/** A chunk shrunk below this merges into a neighbour when both fit in one chunk. */
const MIN_CHUNK = 64;
/**
 * Taking the head of a first chunk longer than this first splits the chunk after this many
 * items, so dequeues move the rest of a short chunk (V8 often cannot trim an array's start in
 * place: while the JIT compiles or the collector marks, `shift` moves every item, each a
 * write-barriered store), while the chunks behind stay long for the searches.
 */
const HEAD_CHUNK = 64;

/** A sorted list of distinct items in chunks. */
export class ChunkedSortedList<T> {
  private readonly chunkList: T[][] = objectArray();
  /**
   * The last chunk emptied, kept for the next one needed: a list that keeps emptying and
   * refilling (a queue whose every job is taken at once) allocates no chunk per item.
   */
  private spareChunk: T[] | null = null;
  private size = 0;
  /** Item slots moved by inserts, removals, splits and merges since creation (work counter). */
  movedItems = 0;

  constructor(private readonly compare: (left: T, right: T) => number) {}

  /** Number of items. */
  get length(): number {
    return this.size;
  }

  /** The chunks in order, each non-empty and sorted; read them, never write them. */
  get chunks(): readonly (readonly T[])[] {
    return this.chunkList;
  }

  /** The first item, or undefined when empty. */
  first(): T | undefined {
    const chunk = this.chunkList[0];
    return chunk === undefined ? undefined : chunk[0];
  }

  /** Every item in order (for checks and tests; allocates). */
  toArray(): T[] {
    const all: T[] = [];
    for (const chunk of this.chunkList) for (const item of chunk) all.push(item);
    return all;
  }

  /** Index of the first chunk whose last item is not ordered before `item` (may be the count). */
  private chunkFor(item: T): number {
    const chunks = this.chunkList;
    let low = 0;
    let high = chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = chunks[middle] as T[];
      if (this.compare(chunk[chunk.length - 1] as T, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first position in `chunk` whose item is not ordered before `item`. */
  private lowerBound(chunk: readonly T[], item: T): number {
    let low = 0;
    let high = chunk.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(chunk[middle] as T, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Inserts `item` at its place. */
  insert(item: T): void {
    const chunks = this.chunkList;
    this.size++;
    const lastIndex = chunks.length - 1;
    if (lastIndex < 0) {
      chunks.push(this.newChunk(item));
      return;
    }
    // After every item (a new job at the tail, the usual case): append, starting a new chunk
    // when the last one is full.
    const last = chunks[lastIndex] as T[];
    if (this.compare(last[last.length - 1] as T, item) < 0) {
      if (last.length >= MAX_CHUNK) chunks.push(this.newChunk(item));
      else last.push(item);
      return;
    }
    let index = this.chunkFor(item);
    const chunk = chunks[index] as T[];
    const position = this.lowerBound(chunk, item);
    this.movedItems += chunk.length - position;
    insertAt(chunk, position, item);
    if (chunk.length > MAX_CHUNK) {
      const half = chunk.length >>> 1;
      const tail = chunk.splice(half);
      index++;
      insertAt(chunks, index, tail);
      this.movedItems += tail.length + chunks.length - index;
    }
  }

  /** Removes `item`; returns false when it was not there. */
  remove(item: T): boolean {
    const chunks = this.chunkList;
    // The head (a dequeue, the usual case) needs no search.
    const index = chunks[0]?.[0] === item ? 0 : this.chunkFor(item);
    const chunk = chunks[index];
    if (chunk === undefined) return false;
    let position: number;
    if (chunk[0] === item) {
      if (index === 0 && chunk.length > HEAD_CHUNK) {
        const rest = chunk.splice(HEAD_CHUNK);
        insertAt(chunks, 1, rest);
        this.movedItems += rest.length + chunks.length - 1;
      }
      position = 0;
      chunk.shift();
    } else {
      position = this.lowerBound(chunk, item);
      if (chunk[position] !== item) return false;
      removeAt(chunk, position);
    }
    this.movedItems += chunk.length - position;
    this.size--;
    if (chunk.length === 0) {
      removeAt(chunks, index);
      this.spareChunk = chunk;
      this.movedItems += chunks.length - index;
    } else if (chunk.length < MIN_CHUNK && !(index === 0 && position === 0)) {
      // A first chunk taken from its head drains and is dropped: merging it would undo the
      // head split.
      this.mergeSmall(index);
    }
    return true;
  }

  /** A chunk holding just `item`: the spare one when there is one. */
  private newChunk(item: T): T[] {
    const spare = this.spareChunk;
    if (spare === null) return [item];
    this.spareChunk = null;
    spare.push(item);
    return spare;
  }

  /** Merges the small chunk at `index` into a neighbour when the two fit in one chunk. */
  private mergeSmall(index: number): void {
    const chunks = this.chunkList;
    const chunk = chunks[index] as T[];
    const next = chunks[index + 1];
    if (next !== undefined && chunk.length + next.length <= MAX_CHUNK) {
      for (const item of next) chunk.push(item);
      removeAt(chunks, index + 1);
      this.movedItems += next.length + chunks.length - index;
      return;
    }
    const previous = chunks[index - 1];
    if (previous !== undefined && chunk.length + previous.length <= MAX_CHUNK) {
      for (const item of chunk) previous.push(item);
      removeAt(chunks, index);
      this.movedItems += chunk.length + chunks.length - index;
    }
  }

  /** 0-based position of `item`, or −1 when absent. */
  positionOf(item: T): number {
    const chunks = this.chunkList;
    const index = this.chunkFor(item);
    const chunk = chunks[index];
    if (chunk === undefined) return -1;
    const position = this.lowerBound(chunk, item);
    if (chunk[position] !== item) return -1;
    let before = position;
    for (let c = 0; c < index; c++) before += (chunks[c] as T[]).length;
    return before;
  }

  /** Whether the items are in strictly increasing order and no chunk is empty (for checks). */
  isSorted(): boolean {
    let previous: T | undefined;
    let first = true;
    for (const chunk of this.chunkList) {
      if (chunk.length === 0 || chunk.length > MAX_CHUNK) return false;
      for (const item of chunk) {
        if (!first && this.compare(previous as T, item) >= 0) return false;
        previous = item;
        first = false;
      }
    }
    return true;
  }
}

/**
 * Below this many items to move, a loop beats `splice`, which allocates its result array (as
 * in sorted-list.ts); above it, `splice`'s native move wins.
 */
const SHORT_MOVE = 32;

/** Inserts `item` at `position` (≤ length), moving the rest up. */
function insertAt<T>(items: T[], position: number, item: T): void {
  let index = items.length;
  if (index - position > SHORT_MOVE) {
    items.splice(position, 0, item);
    return;
  }
  items.push(item);
  for (; index > position; index--) items[index] = items[index - 1] as T;
  items[position] = item;
}

/** Removes the item at `position` (< length), moving the rest down. */
function removeAt<T>(items: T[], position: number): void {
  const last = items.length - 1;
  if (last - position > SHORT_MOVE) {
    items.splice(position, 1);
    return;
  }
  for (let index = position; index < last; index++) items[index] = items[index + 1] as T;
  items.pop();
}
