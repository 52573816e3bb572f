import { describe, expect, it } from "vitest";
import { issueLines, minimalScenario } from "./helpers.ts";

describe("serviceLevelTarget", () => {
  it("takes a share in (0, 1]", () => {
    for (const target of ["0.8", "1", "0.05"]) {
      expect(issueLines(minimalScenario(`serviceLevelTarget: ${target}\n`)), target).toEqual([]);
    }
  });

  it("refuses a percentage, zero or a negative share, at the field, saying how to write it", () => {
    for (const target of ["80", "0", "-0.2"]) {
      const lines = issueLines(minimalScenario(`serviceLevelTarget: ${target}\n`));
      expect(lines, target).toEqual([
        expect.stringMatching(
          /^test\.yaml:\d+:21 serviceLevelTarget: must be a share above 0 and at most 1 \(0\.8 for 80%\)/,
        ),
      ]);
    }
  });
});
