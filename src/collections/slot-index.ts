/**
 * A hash index from keys (strings or safe integers) to small non-negative integers (slots), for
 * tables that live for a whole run and see every job pass through. Open addressing with linear
 * probing and backward-shift deletion: no tombstones, and the arrays are reallocated only to
 * grow, never under churn. Why not a `Map`: V8 rehashes a churning Map into a fresh table every
 * few hundred insertions and links the old table to the new one; once a table has been
 * promoted, that chain keeps every later table (and what it holds) alive through each young
 * collection until the next full one, which made long runs spend up to a third of their time
 * in the garbage collector. get/set/delete: O(1) expected at load ≤ 1/2.
 */

const INITIAL_CAPACITY = 64;

/** Keys → slots; see the module header. Iteration is not offered: callers own their order. */
export class SlotIndex<K extends string | number> {
  private keys: (K | undefined)[] = new Array(INITIAL_CAPACITY).fill(undefined);
  /**
   * Each position's hash (at 2 × position) and slot (at 2 × position + 1) side by side: a hit
   * reads one cache line here besides its key's (the index of a long queue's old jobs is cold).
   */
  private entries = new Int32Array(INITIAL_CAPACITY * 2);
  private mask = INITIAL_CAPACITY - 1;
  private count = 0;
  /** The last key hashed and its hash: a lookup is often followed by an update of that key. */
  private lastKey: K | undefined = undefined;
  private lastHash = 0;

  /** Number of keys held. */
  get size(): number {
    return this.count;
  }

  /** Number of positions allocated (twice the most keys held at once, or less). */
  get capacity(): number {
    return this.keys.length;
  }

  /** The slot of `key`, or −1 when absent. */
  get(key: K): number {
    const keys = this.keys;
    const entries = this.entries;
    const mask = this.mask;
    const hash = this.hashOf(key);
    // The stored hash is compared first: comparing two distinct strings of one length reads
    // both, and in a long queue the held one is an old, uncached job id.
    for (let index = hash & mask; ; index = (index + 1) & mask) {
      const held = keys[index];
      if (held === undefined) return -1;
      if (entries[2 * index] === hash && held === key) return entries[2 * index + 1] as number;
    }
  }

  /** Whether `key` is held. */
  has(key: K): boolean {
    return this.get(key) >= 0;
  }

  /** Maps `key` to `slot` (a non-negative int32), replacing any slot it had. */
  set(key: K, slot: number): void {
    const hash = this.hashOf(key);
    const keys = this.keys;
    const mask = this.mask;
    let index = hash & mask;
    for (;;) {
      const held = keys[index];
      if (held === undefined) break;
      if (this.entries[2 * index] === hash && held === key) {
        this.entries[2 * index + 1] = slot;
        return;
      }
      index = (index + 1) & mask;
    }
    this.placeAt(index, key, hash, slot);
  }

  /**
   * Maps `key`, known to be absent (the caller has just looked it up and nothing has been
   * added since), to `slot`; returns its hash, for `deleteHashed`. `set` would compare the
   * key with every key of its probe run and `hashOfKey` would be a second call.
   */
  insertAbsent(key: K, slot: number): number {
    const hash = this.hashOf(key);
    const keys = this.keys;
    const mask = this.mask;
    let index = hash & mask;
    while (keys[index] !== undefined) index = (index + 1) & mask;
    this.placeAt(index, key, hash, slot);
    return hash;
  }

  /** Puts a new entry at free position `index` (the end of its probe run), growing if due. */
  private placeAt(index: number, key: K, hash: number, slot: number): void {
    this.keys[index] = key;
    this.entries[2 * index] = hash;
    this.entries[2 * index + 1] = slot;
    if (++this.count * 2 > this.keys.length) this.grow();
  }

  /** Removes `key`; returns the slot it had, or −1 when it was absent. */
  delete(key: K): number {
    return this.deleteHashed(key, this.hashOf(key));
  }

  /**
   * The hash of `key` (as `set`, `get` and `delete` compute it): a caller that keeps it can
   * remove the key later without hashing it again (`deleteHashed`).
   */
  hashOfKey(key: K): number {
    return this.hashOf(key);
  }

  /** `delete` with the key's hash from `hashOfKey`. */
  deleteHashed(key: K, hash: number): number {
    const keys = this.keys;
    const entries = this.entries;
    const mask = this.mask;
    let index = hash & mask;
    for (;;) {
      const held = keys[index];
      if (held === undefined) return -1;
      if (entries[2 * index] === hash && held === key) break;
      index = (index + 1) & mask;
    }
    const removed = entries[2 * index + 1] as number;
    // Backward shift: pull later entries of the probe run into the hole when their home
    // position does not lie (cyclically) after the hole, so every lookup still finds them.
    let hole = index;
    for (let next = (hole + 1) & mask; keys[next] !== undefined; next = (next + 1) & mask) {
      const home = (entries[2 * next] as number) & mask;
      const distanceToNext = (next - home) & mask;
      const distanceToHole = (hole - home) & mask;
      if (distanceToHole <= distanceToNext) {
        keys[hole] = keys[next];
        entries[2 * hole] = entries[2 * next] as number;
        entries[2 * hole + 1] = entries[2 * next + 1] as number;
        hole = next;
      }
    }
    keys[hole] = undefined;
    this.count--;
    return removed;
  }

  private hashOf(key: K): number {
    if (key === this.lastKey) return this.lastHash;
    const hash = hashOf(key);
    this.lastKey = key;
    this.lastHash = hash;
    return hash;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldEntries = this.entries;
    const capacity = oldKeys.length * 2;
    this.keys = new Array(capacity).fill(undefined);
    this.entries = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let from = 0; from < oldKeys.length; from++) {
      const key = oldKeys[from];
      if (key === undefined) continue;
      const hash = oldEntries[2 * from] as number;
      let index = hash & this.mask;
      while (this.keys[index] !== undefined) index = (index + 1) & this.mask;
      this.keys[index] = key;
      this.entries[2 * index] = hash;
      this.entries[2 * index + 1] = oldEntries[2 * from + 1] as number;
    }
  }
}

/** A well-mixed 32-bit hash: FNV-1a over UTF-16 code units, or a multiplicative integer mix. */
function hashOf(key: string | number): number {
  let hash: number;
  if (typeof key === "number") {
    hash = Math.imul((key | 0) ^ Math.floor(key / 4294967296), 0x9e3779b1);
  } else {
    hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  // Final avalanche, so that the low bits used as the position depend on every input bit.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash;
}
