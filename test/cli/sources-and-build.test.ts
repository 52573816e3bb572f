/**
 * bin/ccsim.js runs the compiled dist/ when it is current and the TypeScript sources through
 * tsx otherwise (or with CCSIM_SOURCES=1): both ways, worker threads included (each loads its
 * own entry: replication-worker.js or the tsx bootstrap), must write byte-identical files.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "ccsim-sources-build-"));

/** Runs `ccsim run` on two worker threads into `out`, with CCSIM_DEBUG=1 (stack traces). */
function ccsimRun(out: string, sources: boolean): Promise<{ status: number; stderr: string }> {
  const args = ["bin/ccsim.js", "run", "test/fixtures/valid/full.yaml", "--replications", "3"];
  const options = ["--workers", "2", "--no-charts", "--no-progress", "--events", "--out", out];
  const env = { ...process.env, CCSIM_DEBUG: "1", CCSIM_SOURCES: sources ? "1" : "" };
  return new Promise((resolve) => {
    execFile(process.execPath, [...args, ...options], { cwd: ROOT, env }, (error, _, stderr) => {
      resolve({ status: error === null ? 0 : Number(error.code ?? 1), stderr });
    });
  });
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("bin/ccsim.js from a checkout", () => {
  it("writes the same files from dist/ as from the sources through tsx", async () => {
    const [compiled, sources] = await Promise.all([
      ccsimRun(join(folder, "compiled"), false),
      ccsimRun(join(folder, "sources"), true),
    ]);
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(sources).toEqual(compiled); // the fixture's warnings included, and nothing else
    const files = readdirSync(join(folder, "compiled")).sort();
    expect(files).toContain("events.jsonl");
    expect(readdirSync(join(folder, "sources")).sort()).toEqual(files);
    for (const file of files) {
      const from = (variant: string) => readFileSync(join(folder, variant, file), "utf8");
      expect(from("sources"), file).toBe(from("compiled"));
    }
  });
});
