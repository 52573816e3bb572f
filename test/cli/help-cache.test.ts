/**
 * The CLI skips yargs' rendering of help after a handler starts (src/cli/help-cache.ts): the
 * step must still exist in the installed yargs (else start-up silently gets slower again), and
 * help asked for must still be printed in full.
 */
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { skipHelpCache } from "../../src/cli/help-cache.ts";
import { printedBy } from "../support/ccsim-in-process.ts";

describe("skipping yargs' help cache", () => {
  it("finds the step in the installed yargs", () => {
    expect(skipHelpCache(yargs([]))).toBe(true);
  });

  it("leaves --help and a command's help as they were", async () => {
    expect(await printedBy(["--help"])).toMatch(/^ccsim <command> \[options\]\n[\s\S]*Commands:/);
    const runHelp = await printedBy(["run", "--help"]);
    expect(runHelp).toMatch(/^ccsim run <scenario>\n/);
    expect(runHelp).toContain("--no-charts");
  });
});
