import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../../../src/report/check/github-annotations.ts";
import { renderGithubAnnotations } from "../../../src/report/check/index.ts";
import {
  ALL_IDENTICAL,
  contextFor,
  HOSTILE,
  HOSTILE_EXPLANATION,
  HOSTILE_FILE,
  HOSTILE_SCOPE,
  MIXED,
  UNPAIRED,
} from "./fixtures.ts";

/**
 * GitHub's workflow command as the runner reads it: `::name key=value,…::message`, with no raw
 * line break, `,` or `:` left inside a property value and no raw line break in the message.
 */
const COMMAND =
  /^::(error|warning) file=([^,:\r\n]*),line=(\d+),col=(\d+),title=([^,:\r\n]*)::([^\r\n]*)$/;

/** The runner's unescaping (actions/runner ActionCommand), the inverse of @actions/core's. */
function unescapeCommandText(text: string): string {
  return text
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}

function parse(output: string) {
  return output
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const match = COMMAND.exec(line);
      if (match === null) throw new Error(`not a workflow command: ${line}`);
      const [, command, file, row, column, title, message] = match;
      return {
        command,
        file: unescapeCommandText(file ?? ""),
        line: Number(row),
        column: Number(column),
        title: unescapeCommandText(title ?? ""),
        message: unescapeCommandText(message ?? ""),
      };
    });
}

describe("renderGithubAnnotations", () => {
  it("writes an error per failing check and a warning per inconclusive one, nothing else", () => {
    const annotations = parse(renderGithubAnnotations(MIXED, contextFor(MIXED)));
    expect(annotations.map((one) => `${one.command} ${one.title}`)).toEqual([
      "error overall.serviceLevel worse",
      "warning queue:sales.abandonmentRate inconclusive",
      "error queue:sales.waitP90 better",
      "error queue:sales.offersIssued changed",
      "error arrival:web-chat.serviceLevel missing",
      "error arrival:web-chat.waitMean missing",
      "error arrival:web-chat.abandonWaitMean missing",
    ]);
    expect(renderGithubAnnotations(MIXED, contextFor(MIXED)).endsWith("\n")).toBe(true);
  });

  it("points at the position the context gives for each metric in the baseline file", () => {
    const context = contextFor(MIXED);
    for (const annotation of parse(renderGithubAnnotations(MIXED, context))) {
      const [scope, metric] = annotation.title.split(" ")[0]?.split(/\.(?=[^.]+$)/) ?? [];
      const position = context.positionOf(scope ?? "", (metric ?? "") as "serviceLevel");
      expect([annotation.file, annotation.line, annotation.column]).toEqual([
        "baselines/quickstart.json",
        position.line,
        position.column,
      ]);
    }
  });

  it("carries the explanation, and for an inconclusive check what would settle it", () => {
    const [worse, inconclusive] = parse(renderGithubAnnotations(MIXED, contextFor(MIXED)));
    expect(worse?.message).toBe(MIXED.checks[1]?.explanation);
    expect(inconclusive?.message).toBe(
      "Rose by 1.7 points, beyond the 1-point tolerance but not beyond chance. About 80 replications would settle it.",
    );
    const [unpaired] = parse(renderGithubAnnotations(UNPAIRED, contextFor(UNPAIRED)));
    expect(unpaired?.message.endsWith("More replications would settle it.")).toBe(true);
    // An explanation that already says it is not repeated.
    const hostile = parse(renderGithubAnnotations(HOSTILE, contextFor(HOSTILE)));
    expect(hostile[1]?.message).toBe(HOSTILE.checks[1]?.explanation);
  });

  it("escapes like @actions/core, so the runner reads back the original text", () => {
    const output = renderGithubAnnotations(
      HOSTILE,
      contextFor(HOSTILE, { baselineFile: HOSTILE_FILE }),
    );
    expect(output.split("\n")).toHaveLength(3);
    const [failing] = parse(output);
    expect(failing?.file).toBe(HOSTILE_FILE);
    expect(failing?.title).toBe(`${HOSTILE_SCOPE}.serviceLevel worse`);
    expect(failing?.message).toBe(HOSTILE_EXPLANATION);
    expect(output).toContain("file=baselines/odd%2Cname%3A50%25.json,");
    expect(output).toContain(
      "::Fell by 5%25 | 10%25, a <b>bold</b> & 'quoted' claim:%0Asecond line%0D%0A",
    );
  });

  it("escapes data and properties exactly as command.ts does", () => {
    expect(escapeData("100% a:b,c\r\nd")).toBe("100%25 a:b,c%0D%0Ad");
    expect(escapeProperty("100% a:b,c\r\nd")).toBe("100%25 a%3Ab%2Cc%0D%0Ad");
    expect(escapeProperty("%3A")).toBe("%253A");
  });

  it("is empty when nothing fails and nothing is inconclusive", () => {
    expect(renderGithubAnnotations(ALL_IDENTICAL, contextFor(ALL_IDENTICAL))).toBe("");
  });
});
