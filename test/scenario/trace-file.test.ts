/**
 * Trace files read whole: every bad row at its own line and column of the CSV file, in ccsim's
 * words (snapshot under __snapshots__/traces), at most MAXIMUM_PROBLEMS_SHOWN per file plus a
 * count; files that are not traces at all are named as such and their content is never quoted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatIssue, ScenarioError } from "../../src/errors.ts";
import { type Row, readCsvCells } from "../../src/scenario/csv-cells.ts";
import { loadScenario, readTraces } from "../../src/scenario/index.ts";
import { MAXIMUM_PROBLEMS_SHOWN } from "../../src/scenario/trace-file.ts";

const TRACES = "test/fixtures/traces";
const shown = (path: string) => relative(process.cwd(), path);

/** The issue lines of loading the scenario and reading its traces ([] when both succeed). */
async function problems(file: string): Promise<string[]> {
  try {
    readTraces(await loadScenario(file), shown);
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map(formatIssue);
    throw error;
  }
}

describe("rows of trace files", () => {
  it("reports every bad row of every trace, exactly", async () => {
    const lines = await problems(`${TRACES}/rows.yaml`);
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/traces/rows.txt");
  });

  it("locates a short row at its end and a long row at its first extra cell", async () => {
    const lines = await problems(`${TRACES}/rows.yaml`);
    expect(lines).toContain(
      `${TRACES}/ragged.csv:3:10 arrivals[0].arrival.file: this row has 2 cell(s) but the header has 3 column(s)`,
    );
    expect(lines).toContain(
      `${TRACES}/ragged.csv:4:14 arrivals[0].arrival.file: this row has 4 cell(s) but the header has 3 column(s)`,
    );
  });

  it("locates an unclosed quote where the cell opens, in ccsim's words", async () => {
    const lines = await problems(`${TRACES}/rows.yaml`);
    expect(lines).toContain(
      `${TRACES}/quotes.csv:6:8 arrivals[1].arrival.file: a quoted cell starts here but its closing quote is missing`,
    );
    expect(lines.join("\n")).not.toMatch(/Quote Not Closed|Invalid Closing Quote|CSV_/);
  });

  it("reports bad times in the time column's cell, without quoting it", async () => {
    const lines = (await problems(`${TRACES}/rows.yaml`)).filter((line) =>
      line.startsWith(`${TRACES}/times.csv`),
    );
    expect(lines.map((line) => line.split(" ")[0])).toEqual(
      [3, 4, 5, 6, 8, 9].map((row) => `${TRACES}/times.csv:${row}:1`),
    );
    expect(lines.join("\n")).not.toContain("abc");
  });

  it(`lists the first ${MAXIMUM_PROBLEMS_SHOWN} problems of a file, then counts the rest`, async () => {
    const lines = (await problems(`${TRACES}/rows.yaml`)).filter((line) =>
      line.startsWith(`${TRACES}/many.csv`),
    );
    expect(lines).toHaveLength(MAXIMUM_PROBLEMS_SHOWN + 1);
    expect(lines.at(-1)).toBe(
      `${TRACES}/many.csv:22:1 arrivals[3].arrival.file: 5 more problem(s) in this trace file, the first of them here, are not listed`,
    );
  });
});

describe("issues carry no cell text", () => {
  it("only the fields of a located issue, so no caller can print a cell by accident", async () => {
    try {
      readTraces(await loadScenario(`${TRACES}/rows.yaml`), shown);
      expect.unreachable();
    } catch (error) {
      const keys = new Set((error as ScenarioError).issues.flatMap((issue) => Object.keys(issue)));
      expect([...keys].sort()).toEqual(["column", "file", "hint", "line", "message", "path"]);
    }
  });
});

describe("files that are not traces", () => {
  it("an empty file", async () => {
    expect(await problems(`${TRACES}/empty.yaml`)).toEqual([
      `${TRACES}/empty.yaml:14:35 arrivals[0].arrival.file: the trace ${TRACES}/empty.csv is empty (hint: its first line names the columns, then one row per arrival)`,
    ]);
  });

  it("a binary file", async () => {
    expect(await problems(`${TRACES}/binary.yaml`)).toEqual([
      `${TRACES}/binary.yaml:14:35 arrivals[0].arrival.file: the trace ${TRACES}/binary.csv holds binary data, not CSV text`,
    ]);
  });

  it("a passwd-like file: no line of it appears in the message", async () => {
    const lines = await problems(`${TRACES}/passwd.yaml`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('has no column "time"');
    for (const secret of ["root", "daemon", "secret", "bash", "nologin", "x:0"]) {
      expect(lines[0]).not.toContain(secret);
    }
  });

  describe("problems past the header, found only by reading the file whole", () => {
    const folder = mkdtempSync(join(tmpdir(), "ccsim-trace-test-"));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const scenarioWith = (csv: string | Buffer): string => {
      writeFileSync(join(folder, "trace.csv"), csv);
      const scenario = join(folder, "scenario.yaml");
      writeFileSync(
        scenario,
        `horizon: 1h
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers: [{ id: a, capacity: 1, queues: [q], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }]
arrivals:
  - { id: calls, channelId: voice, queueId: q, handleTime: 1m, arrival: { kind: trace, file: trace.csv } }
`,
      );
      return scenario;
    };

    it("a zero byte deep in the file is reported where it is", async () => {
      const rows = Array.from({ length: 10_000 }, (_, index) => `${index},gold`).join("\n");
      const scenario = scenarioWith(
        Buffer.concat([Buffer.from(`time,Tier\n${rows}\n5,`), Buffer.from([0, 1])]),
      );
      const [line] = await problems(scenario);
      expect(line).toMatch(
        /trace\.csv:10002:3 arrivals\[0\]\.arrival\.file: the trace file holds binary data \(a zero byte here\), not CSV text$/,
      );
    });

    it("text that is not UTF-8", async () => {
      const scenario = scenarioWith(
        Buffer.concat([Buffer.from("time,Tier\n1,"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]),
      );
      const [line] = await problems(scenario);
      expect(line).toMatch(
        /trace\.csv:1:1 arrivals\[0\]\.arrival\.file: the trace file is not UTF-8 text$/,
      );
    });

    it("unsorted times are fine: arrivals keep file order, the world sorts them", async () => {
      const scenario = scenarioWith("time,Tier\n3,gold\n1,silver\n2,bronze\n");
      const traces = readTraces(await loadScenario(scenario));
      expect(traces.get("calls")).toEqual({
        timesSeconds: [3, 1, 2],
        labels: [{ Tier: "gold" }, { Tier: "silver" }, { Tier: "bronze" }],
      });
    });
  });
});

describe("CSV cells with positions", () => {
  it("keeps the first problems it is asked to keep and counts them all", () => {
    const text = `a\n${'"x"y\n'.repeat(5)}`;
    expect(readCsvCells(text, () => {}, 2)).toMatchObject({
      count: 5,
      first: [{ line: 2 }, { line: 3 }],
    });
  });

  const read = (text: string) => {
    const rows: Row[] = [];
    const problemsFound = readCsvCells(text, (row) => rows.push(row));
    expect(problemsFound.count).toBe(problemsFound.first.length);
    return { rows, problems: problemsFound.first };
  };

  it("keeps line and column of every cell, across CRLF, a BOM and quoted line breaks", () => {
    const { rows, problems: found } = read('\uFEFFa, b\r\n"x\r\ny",  "q""t"\r\n\r\nlast,');
    expect(found).toEqual([]);
    expect(rows.map((row) => row.cells)).toEqual([
      [
        { text: "a", line: 1, column: 1 },
        { text: "b", line: 1, column: 4 },
      ],
      [
        { text: "x\ny", line: 2, column: 1 },
        { text: 'q"t', line: 3, column: 6 },
      ],
      [
        { text: "last", line: 5, column: 1 },
        { text: "", line: 5, column: 6 },
      ],
    ]);
  });

  it("names a quote missing before a line break where the stray cell opened", () => {
    const { problems: found } = read('a,b\n1,"open\n2,"x"\n');
    expect(found).toEqual([
      {
        line: 3,
        column: 4,
        message:
          "text follows the closing quote of a cell that opened at line 2, column 3 (is a quote missing there?)",
      },
    ]);
  });
});
