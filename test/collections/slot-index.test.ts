/** SlotIndex against a Map model under random insert/replace/delete sequences. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlotIndex } from "../../src/collections/slot-index.ts";
import { assertProperty } from "../support/property.ts";

type Operation = { kind: "set" | "delete" | "get"; key: number; slot: number };

const operation = fc.record({
  kind: fc.constantFrom("set", "set", "delete", "get") as fc.Arbitrary<Operation["kind"]>,
  // A small key space forces long probe runs, replacements and deletions inside runs.
  key: fc.integer({ min: 0, max: 300 }),
  slot: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function check<K extends string | number>(toKey: (n: number) => K, operations: Operation[]) {
  const index = new SlotIndex<K>();
  const model = new Map<K, number>();
  for (const { kind, key: n, slot } of operations) {
    const key = toKey(n);
    if (kind === "set") {
      // An absent key is added as a caller that has just looked it up does, half the time.
      if (!model.has(key) && slot % 2 === 0) index.insertAbsent(key, slot);
      else index.set(key, slot);
      model.set(key, slot);
    } else if (kind === "delete") {
      const had = model.get(key) ?? -1;
      // Half the deletes by a hash asked for earlier, as a caller that keeps it does.
      const removed =
        slot % 2 === 0 ? index.delete(key) : index.deleteHashed(key, index.hashOfKey(key));
      expect(removed).toBe(had);
      model.delete(key);
    }
    expect(index.get(key)).toBe(model.get(key) ?? -1);
    expect(index.size).toBe(model.size);
  }
  for (const [key, slot] of model) expect(index.get(key)).toBe(slot);
}

describe("SlotIndex", () => {
  it("agrees with a Map on string keys", () => {
    assertProperty(
      fc.property(fc.array(operation, { maxLength: 2000 }), (operations) => {
        check((n) => `call-${n}`, operations);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("agrees with a Map on integer keys, including large safe integers", () => {
    assertProperty(
      fc.property(fc.array(operation, { maxLength: 2000 }), (operations) => {
        check((n) => (n % 2 === 0 ? n : 2 ** 40 + n * 2 ** 33), operations);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it("keeps its capacity under churn: a million jobs passing through 100 live entries", () => {
    const index = new SlotIndex<string>();
    let missedDeletes = 0;
    for (let n = 0; n < 1_000_000; n++) {
      index.set(`call-${n}`, n % 128);
      if (n >= 100 && index.delete(`call-${n - 100}`) !== (n - 100) % 128) missedDeletes++;
    }
    expect(missedDeletes).toBe(0);
    expect(index.size).toBe(100);
    expect(index.capacity).toBe(256);
    for (let n = 999_900; n < 1_000_000; n++) expect(index.get(`call-${n}`)).toBe(n % 128);
    expect(index.get("call-0")).toBe(-1);
  });
});
