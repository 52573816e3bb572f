/**
 * A table from sequence numbers (positive integers handed out in increasing order, such as offer
 * sequences) to values, for things of which only some recent ones and a few old ones are alive:
 * pages of 256 consecutive sequences, a page dropped (and kept for reuse) once it holds nothing
 * and a newer page exists. get/set/delete are O(1) with no hashing; memory is the pages that still
 * hold a value, plus one array entry per 256 sequences ever used.
 */

import { objectArray } from "./object-array.ts";

const PAGE_BITS = 8;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/** Sequence → value; see the module header. Iteration is not offered. */
export class SequenceTable<T> {
  /** Pages by sequence ÷ 256; a dropped or never-used page is undefined. */
  private readonly pages: ((T | undefined)[] | undefined)[] = objectArray();
  /** Values held by each page. */
  private readonly pageCounts: number[] = [];
  /** Emptied pages, for reuse (every entry undefined). */
  private readonly sparePages: (T | undefined)[][] = objectArray();
  private count = 0;

  /** Number of values held. */
  get size(): number {
    return this.count;
  }

  /** Number of pages held (each of 256 sequences): a measure of memory, for tests. */
  get heldPageCount(): number {
    let held = 0;
    for (const page of this.pages) if (page !== undefined) held++;
    return held;
  }

  /** The value of `sequence`, or undefined (always for a number that is not a uint32). */
  get(sequence: number): T | undefined {
    if (sequence >>> 0 !== sequence) return undefined;
    const page = this.pages[sequence >>> PAGE_BITS];
    return page === undefined ? undefined : page[sequence & PAGE_MASK];
  }

  /** Sets the value of `sequence` (a positive integer below 2³²). */
  set(sequence: number, value: T): void {
    const pageIndex = sequence >>> PAGE_BITS;
    const pages = this.pages;
    if (pages.length <= pageIndex) {
      // The newest page is kept while empty (the next sequences go there); once it is no
      // longer the newest, an empty one is dropped now, since no delete will come for it.
      this.dropIfEmpty(pages.length - 1);
      while (pages.length <= pageIndex) {
        pages.push(undefined);
        this.pageCounts.push(0);
      }
    }
    let page = pages[pageIndex];
    if (page === undefined) {
      page = this.sparePages.pop() ?? new Array<T | undefined>(PAGE_SIZE).fill(undefined);
      pages[pageIndex] = page;
    }
    const offset = sequence & PAGE_MASK;
    if (page[offset] === undefined) {
      this.pageCounts[pageIndex] = (this.pageCounts[pageIndex] as number) + 1;
      this.count++;
    }
    page[offset] = value;
  }

  /** Removes the value of `sequence`, if any. */
  delete(sequence: number): void {
    const pageIndex = sequence >>> PAGE_BITS;
    const page = this.pages[pageIndex];
    if (page === undefined) return;
    const offset = sequence & PAGE_MASK;
    if (page[offset] === undefined) return;
    page[offset] = undefined;
    this.count--;
    const left = (this.pageCounts[pageIndex] as number) - 1;
    this.pageCounts[pageIndex] = left;
    // The newest page stays: the next sequences go there.
    if (left === 0 && pageIndex < this.pages.length - 1) this.dropIfEmpty(pageIndex);
  }

  private dropIfEmpty(pageIndex: number): void {
    const page = this.pages[pageIndex];
    if (page === undefined || this.pageCounts[pageIndex] !== 0) return;
    this.pages[pageIndex] = undefined;
    this.sparePages.push(page);
  }
}
