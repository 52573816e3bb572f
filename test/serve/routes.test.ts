/**
 * The REST API's route table: 33 operations, each named once on its own method and path; ids are
 * decoded after matching (so an encoded `/` or `:` stays inside the id), and a known path with
 * another method is told apart from an unknown path.
 */
import { describe, expect, it } from "vitest";
import { ROUTES, routeOf } from "../../src/serve/routes.ts";

describe("the route table", () => {
  it("holds the API's 33 operations, each on one method and path", () => {
    expect(ROUTES).toHaveLength(33);
    expect(new Set(ROUTES.map((route) => route.operation)).size).toBe(33);
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path}`)).size).toBe(33);
  });

  it("finds each operation by its method and path, ids decoded", () => {
    expect(routeOf("PATCH", "/routing/jobs/job-1")).toEqual({
      kind: "operation",
      operation: "upsertJob",
      ids: ["job-1"],
    });
    expect(routeOf("post", "/routing/jobs/j%2F1%3Ax/assignments/a-1:close")).toEqual({
      kind: "operation",
      operation: "closeJob",
      ids: ["j/1:x", "a-1"],
    });
    expect(routeOf("POST", "/routing/workers/w/offers/o:decline")).toMatchObject({
      operation: "declineJobOffer",
      ids: ["w", "o"],
    });
    expect(routeOf("GET", "/routing/queues/q/statistics")).toMatchObject({
      operation: "getQueueStatistics",
    });
    expect(routeOf("GET", "/routing/jobs/")).toMatchObject({ operation: "listJobs" });
    for (const route of ROUTES) {
      const path = route.path.replaceAll("{}", "some-id");
      expect(routeOf(route.method, path)).toMatchObject({ operation: route.operation });
    }
  });

  it("tells a wrong method from an unknown path", () => {
    expect(routeOf("PUT", "/routing/jobs/job-1")).toEqual({
      kind: "method",
      allowed: ["PATCH", "GET", "DELETE"],
    });
    expect(routeOf("GET", "/routing/jobs/job-1:cancel")).toEqual({
      kind: "method",
      allowed: ["POST"],
    });
    expect(routeOf("GET", "/routing/robots")).toEqual({ kind: "unknown" });
    expect(routeOf("POST", "/routing/jobs/job-1:explode")).toEqual({ kind: "unknown" });
  });
});
