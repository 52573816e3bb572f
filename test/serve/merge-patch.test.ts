/**
 * JSON merge-patch (RFC 7396) as ccsim serve applies it to an upsert of an existing resource:
 * the RFC's own examples, property names matched in any case, and a policy's nested mode merged
 * rather than replaced.
 */
import { describe, expect, it } from "vitest";
import { JobRouterService } from "../../src/serve/service.ts";
import { mergePatch } from "../../src/serve/wire.ts";

describe("mergePatch", () => {
  it("follows RFC 7396's examples", () => {
    const examples: [unknown, unknown, unknown][] = [
      [{ a: "b" }, { a: "c" }, { a: "c" }],
      [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
      [{ a: "b" }, { a: null }, {}],
      [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
      [{ a: ["b"] }, { a: "c" }, { a: "c" }],
      [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
      [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
      [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
      [
        ["a", "b"],
        ["c", "d"],
        ["c", "d"],
      ],
      [{ a: "b" }, ["c"], ["c"]],
      [{ a: "foo" }, null, null],
      [{ a: "foo" }, "bar", "bar"],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: "b", c: null }, { a: "b" }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of examples) {
      expect(mergePatch(target, patch)).toEqual(result);
    }
  });

  it("replaces a polymorphic object whose kind changes, and merges one whose kind stays", () => {
    const target = { prioritizationRule: { kind: "static", value: 1 } };
    expect(
      mergePatch(target, { prioritizationRule: { kind: "expression-rule", expression: "2" } }),
    ).toEqual({ prioritizationRule: { kind: "expression-rule", expression: "2" } });
    // The same kind in another spelling merges (the patch's spelling wins, as any value does).
    expect(mergePatch(target, { prioritizationRule: { kind: "static-rule" } })).toEqual({
      prioritizationRule: { kind: "static-rule", value: 1 },
    });
  });

  it("matches property names in any case, keeping the target's spelling", () => {
    expect(mergePatch({ offerExpiresAfterSeconds: 10 }, { OFFEREXPIRESAFTERSECONDS: 20 })).toEqual({
      offerExpiresAfterSeconds: 20,
    });
  });

  it("merges a policy's mode on upsert instead of replacing it", () => {
    const service = new JobRouterService({
      config: { distributionPolicies: [], queues: [] },
      time: { originMs: 0 },
    });
    const call = (body: unknown) =>
      service.handle({
        method: "PATCH",
        path: "/routing/distributionPolicies/rr",
        query: new URLSearchParams("api-version=2023-11-01"),
        body,
      });
    call({ offerExpiresAfterSeconds: 10, mode: { kind: "roundRobin" } });
    const changed = call({ mode: { maxConcurrentOffers: 3 } });
    expect(changed.status).toBe(200);
    expect(changed.body?.mode).toMatchObject({ kind: "roundRobin", maxConcurrentOffers: 3 });
    // null removes: the name goes, and a mode without its kind is refused.
    call({ name: "Turns" });
    expect(call({ name: null }).body).not.toHaveProperty("name");
    expect(call({ mode: { kind: null } }).status).toBe(400);
  });
});
