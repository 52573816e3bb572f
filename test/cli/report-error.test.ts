/**
 * The top-level error mapping: exit codes per error type, stack traces only for bugs (or with
 * CCSIM_DEBUG), and a bug report request for internal errors.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExitWithCode } from "../../src/cli/exit.ts";
import { reportError } from "../../src/cli/report-error.ts";
import { InternalError, ScenarioError, UsageError } from "../../src/errors.ts";

let written: string[];

beforeEach(() => {
  written = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const stderr = () => written.join("");
const issue = { file: "a.yaml", line: 3, column: 5, path: "queues[0].id", message: "bad" };

describe("reportError", () => {
  it("prints each scenario issue on its own line, exit 2, no stack", () => {
    expect(
      reportError(new ScenarioError([issue, { ...issue, line: 4, hint: "fix it" }]), false),
    ).toBe(2);
    expect(stderr()).toBe(
      "a.yaml:3:5 queues[0].id: bad\na.yaml:4:5 queues[0].id: bad (hint: fix it)\n",
    );
  });

  it("prints a usage error with a pointer to help, exit 2, no stack", () => {
    expect(reportError(new UsageError("no such option"), false)).toBe(2);
    expect(stderr()).toBe('ccsim: no such option\nRun "ccsim --help" for usage.\n');
  });

  it("adds the stack to bad-input errors only with CCSIM_DEBUG", () => {
    reportError(new UsageError("no such option"), true);
    expect(stderr()).toMatch(/^\s{4}at /m);
  });

  it("calls anything unexpected a bug: exit 3, how to report it, and the stack", () => {
    expect(reportError(new TypeError("x is undefined"), false)).toBe(3);
    expect(stderr()).toContain("ccsim: internal error: x is undefined");
    expect(stderr()).toContain("This is a bug in ccsim");
    expect(stderr()).toMatch(/^\s{4}at /m);
    written = [];
    expect(reportError(new InternalError("heap corrupted"), false)).toBe(3);
    expect(stderr()).toContain("internal error: heap corrupted");
  });

  it("ends quietly with the code a command asked for", () => {
    expect(reportError(new ExitWithCode(2), false)).toBe(2);
    expect(stderr()).toBe("");
  });

  it("handles thrown non-errors", () => {
    expect(reportError("a string", false)).toBe(3);
    expect(stderr()).toContain("internal error: a string");
  });
});
