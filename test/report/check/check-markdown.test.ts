import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../src/report/check/check-markdown.ts";
import { renderCheckMarkdown } from "../../../src/report/check/index.ts";
import { ALL_IDENTICAL, contextFor, HOSTILE, HOSTILE_SCOPE, MIXED, UNPAIRED } from "./fixtures.ts";

/** The cells of a Markdown table row, split at unescaped pipes. */
function cellsOf(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());
}

function tableRows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("| "));
}

describe("renderCheckMarkdown", () => {
  const mixed = renderCheckMarkdown(MIXED, contextFor(MIXED));

  it("heads with the outcome and explains the level and what fails", () => {
    expect(mixed.startsWith("## ccsim check quickstart: ❌ failed\n\n")).toBe(true);
    expect(renderCheckMarkdown(UNPAIRED, contextFor(UNPAIRED))).toMatch(
      /^## ccsim check quickstart: ✅ passed\n/,
    );
    expect(mixed).toContain("95% family-wise over 222 metrics (Bonferroni: each at 99.977%)");
    expect(mixed).toContain("paired by replication");
    expect(mixed).toContain("both significant at that level and larger than its tolerance");
  });

  it("tables the checks that are not identical, all of them when verbose", () => {
    const rows = tableRows(mixed);
    expect(cellsOf(rows[0] ?? "")).toEqual([
      "",
      "scope",
      "metric",
      "baseline",
      "run",
      "change",
      "allowed",
      "verdict",
    ]);
    expect(rows).toHaveLength(
      2 + MIXED.checks.filter((check) => check.verdict !== "identical").length,
    );
    expect(mixed).not.toContain("| arrived |");
    const verbose = tableRows(renderCheckMarkdown(MIXED, contextFor(MIXED, { verbose: true })));
    expect(verbose).toHaveLength(2 + MIXED.checks.length);
    for (const row of rows.slice(2)) expect(cellsOf(row)).toHaveLength(8);
  });

  it("marks and emboldens failures, says what would settle an inconclusive check", () => {
    const worse = tableRows(mixed).find(
      (row) => row.includes("| serviceLevel |") && row.includes("overall"),
    );
    expect(cellsOf(worse ?? "")).toEqual([
      "✗",
      "overall",
      "serviceLevel",
      "80.1 ± 1.2%",
      "77.9 ± 1.1%",
      "-2.2 ± 0.52 pp",
      "1 pp",
      "**worse**",
    ]);
    const inconclusive = tableRows(mixed).find((row) => row.includes("abandonmentRate"));
    expect(cellsOf(inconclusive ?? "").at(-1)).toBe(
      "inconclusive: about 80 replications would settle it",
    );
    expect(mixed).toContain("- ✗ **overall.serviceLevel** worse: Fell by 2.2 points");
  });

  it("ends with the counts", () => {
    expect(
      mixed.endsWith(
        "**Verdicts:** 3 identical, 1 unchanged, 1 within tolerance, 1 inconclusive, 1 better, 1 worse, 1 changed, 3 missing.\n",
      ),
    ).toBe(true);
  });

  it("says so when everything is identical, without a table", () => {
    const markdown = renderCheckMarkdown(ALL_IDENTICAL, contextFor(ALL_IDENTICAL));
    expect(markdown).toContain("All 3 metrics are identical to the baseline.");
    expect(tableRows(markdown)).toHaveLength(0);
    expect(markdown).toMatch(/✅ passed/);
  });

  it("escapes user text so it cannot break the table or inject HTML", () => {
    const markdown = renderCheckMarkdown(HOSTILE, contextFor(HOSTILE));
    for (const row of tableRows(markdown).slice(2)) {
      expect(cellsOf(row)[1]).toBe('queue:a&amp;b&lt;"c"&gt;');
    }
    expect(markdown).toContain(
      "Fell by 5% \\| 10%, a &lt;b&gt;bold&lt;/b&gt; &amp; 'quoted' claim: second line third",
    );
    expect(markdown).not.toContain(HOSTILE_SCOPE);
    expect(escapeMarkdown("a|b*c_d`e[f]\\g\nh")).toBe("a\\|b\\*c\\_d\\`e\\[f\\]\\\\g h");
  });

  it("matches its snapshot", () => {
    expect(mixed).toMatchSnapshot();
  });
});
