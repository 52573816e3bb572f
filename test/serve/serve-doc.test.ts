/**
 * docs/serve.md's table of operations says what the code does: every operation of the route
 * table once, on its method and path, and "served" exactly for those the service handles.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVED_OPERATIONS } from "../../src/serve/operations.ts";
import { ROUTES } from "../../src/serve/routes.ts";

const doc = readFileSync(new URL("../../docs/serve.md", import.meta.url), "utf8");

/** The table's rows: operation, method and path (ids as `{}`), status. */
function rows() {
  const table = doc.slice(doc.indexOf("| operation | method and path | status |"));
  return [...table.matchAll(/^\| (\w+) \| `(\w+) ([^`]+)` \| (.+) \|$/gm)].map((match) => ({
    operation: match[1] as string,
    route: `${match[2]} ${(match[3] as string).replace(/\{\w+\}/g, "{}")}`,
    status: match[4] as string,
  }));
}

describe("docs/serve.md", () => {
  it("lists every operation once, on the route the code serves it on", () => {
    const documented = rows();
    expect(documented.map((row) => row.operation).sort()).toEqual(
      ROUTES.map((route) => route.operation).sort(),
    );
    for (const route of ROUTES) {
      const row = documented.find((candidate) => candidate.operation === route.operation);
      expect(row?.route).toBe(`${route.method} ${route.path}`);
    }
  });

  it("is counted right in the README", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(
      `${SERVED_OPERATIONS.length} of the API's ${ROUTES.length} operations`,
    );
  });

  it("says served exactly for the operations the service handles", () => {
    const served = rows()
      .filter((row) => row.status.startsWith("served"))
      .map((row) => row.operation);
    expect(served.sort()).toEqual([...SERVED_OPERATIONS].sort());
  });
});
