/**
 * The CLI run in-process (the same yargs parser and error reporting as bin/ccsim.js), for
 * commands that print and stop without simulating: stdout, stderr and yargs' console output
 * interleaved, as a terminal shows them. Cheaper than a child process; mocks are restored.
 */
import { vi } from "vitest";
import { buildCli } from "../../src/cli/app.ts";
import { reportError } from "../../src/cli/report-error.ts";

/** What `ccsim <args>` prints. */
export async function printedBy(args: readonly string[]): Promise<string> {
  let printed = "";
  const capture = (chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  // yargs prints --help with console.log.
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
    printed += `${parts.join(" ")}\n`;
  });
  try {
    await (await buildCli([...args])).parseAsync();
  } catch (error) {
    reportError(error, false);
  } finally {
    vi.restoreAllMocks();
  }
  return printed;
}
