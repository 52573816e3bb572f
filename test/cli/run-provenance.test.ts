/**
 * Provenance pieces: the SHA-256 of a file read in chunks equals the digest of its whole bytes,
 * paths are relative with `/` and never absolute, a scenario read from a device gets no hash
 * rather than a wrong one, and summary.json places the provenance beside the run's description.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeProvenance, portablePath, sha256OfFile } from "../../src/cli/run/provenance.ts";
import { UsageError } from "../../src/errors.ts";
import { renderSummaryJson } from "../../src/report/summary-json.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { OVERALL_ONLY, RUN } from "../report/fixtures.ts";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-provenance-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("sha256OfFile", () => {
  it("gives the FIPS 180-2 digest of 'abc'", () => {
    const file = join(scratch, "abc.txt");
    writeFileSync(file, "abc");
    expect(sha256OfFile(file)).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("reads a file across chunk boundaries exactly as one digest of its bytes", () => {
    const bytes = Buffer.alloc(3 * (1 << 20) + 17);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 31 + 7) % 251;
    const file = join(scratch, "large.bin");
    writeFileSync(file, bytes);
    expect(sha256OfFile(file)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("a file that cannot be read is a UsageError naming it", () => {
    const missing = join(scratch, "gone.csv");
    expect(() => sha256OfFile(missing)).toThrow(UsageError);
    expect(() => sha256OfFile(missing)).toThrow(`${missing}: cannot read the file`);
  });
});

describe("portablePath", () => {
  it("is relative to the working folder, with / separators", () => {
    const from = join(scratch, "work");
    expect(portablePath(from, join(from, "scenarios", "a.yaml"))).toBe("scenarios/a.yaml");
    expect(portablePath(from, join(scratch, "elsewhere", "b.csv"))).toBe("../elsewhere/b.csv");
  });

  it("gives the file name, never an absolute path, when nothing relative is left", () => {
    expect(portablePath(join(scratch, "x.yaml"), join(scratch, "x.yaml"))).toBe("x.yaml");
  });
});

describe("describeProvenance", () => {
  it.skipIf(process.platform === "win32")(
    "records a scenario read from a device without a hash",
    async () => {
      const scenario = await loadScenario("scenarios/quickstart.yaml");
      const provenance = describeProvenance("/dev/null", scenario, "/dev");
      expect(provenance.scenarioFile).toBe("null");
      expect(provenance.scenarioSha256).toBeNull();
    },
  );
});

describe("summary.json with provenance", () => {
  const provenance = {
    ccsimVersion: "9.9.9",
    scenarioFile: "scenarios/x.yaml",
    scenarioSha256: "00ff",
    traceFiles: [{ arrival: "call", file: "calls.csv", sha256: "ab12" }],
  };

  it("sits after the run's description and before the metrics", () => {
    const text = renderSummaryJson({ ...RUN, provenance }, OVERALL_ONLY);
    const document = JSON.parse(text);
    const keys = Object.keys(document);
    expect(keys.indexOf("provenance")).toBe(keys.indexOf("serviceLevelThresholdSeconds") + 1);
    expect(keys.indexOf("overall")).toBe(keys.indexOf("provenance") + 1);
    expect(document.provenance).toEqual(provenance);
    expect(text).toContain(
      '    "traceFiles": [\n      { "arrival": "call", "file": "calls.csv", "sha256": "ab12" }\n    ]\n',
    );
  });

  it("is absent when the caller gives none (library use), leaving the rest unchanged", () => {
    const without = renderSummaryJson(RUN, OVERALL_ONLY);
    expect(JSON.parse(without).provenance).toBeUndefined();
    const withIt = JSON.parse(renderSummaryJson({ ...RUN, provenance }, OVERALL_ONLY));
    delete withIt.provenance;
    expect(JSON.stringify(withIt)).toBe(JSON.stringify(JSON.parse(without)));
  });
});
