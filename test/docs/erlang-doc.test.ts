/**
 * docs/erlang.md shows real output: every `$ npx ccsim erlang …` block in it is run in-process
 * (the same yargs parser and error reporting as bin/ccsim.js) and must print exactly the text
 * under it, so the page cannot drift from the command.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { printedBy } from "../support/ccsim-in-process.ts";

/** Each console example: the arguments after `npx ccsim` and the output shown under them. */
function examplesOf(markdown: string): { command: string; args: string[]; shown: string }[] {
  const examples: { command: string; args: string[]; shown: string }[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? "").split("\n");
    let current: { command: string; args: string[]; shown: string } | undefined;
    for (const line of lines) {
      if (line.startsWith("$ npx ccsim ")) {
        current = {
          command: line,
          args: splitArguments(line.slice("$ npx ccsim ".length)),
          shown: "",
        };
        examples.push(current);
      } else if (current !== undefined) current.shown += `${line}\n`;
    }
  }
  return examples.map((example) => ({ ...example, shown: example.shown.replace(/\n+$/, "\n") }));
}

/** A shell-like split honouring double quotes (the examples use nothing else). */
function splitArguments(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");
}

afterEach(() => vi.restoreAllMocks());

describe("docs/erlang.md", () => {
  const examples = examplesOf(readFileSync("docs/erlang.md", "utf8"));

  it("has examples, each one of ccsim erlang", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(example.args[0], example.command).toBe("erlang");
  });

  for (const example of examples) {
    it(`shows what ${example.command.slice(2)} prints`, async () => {
      expect(await printedBy(example.args)).toBe(example.shown);
    });
  }
});
