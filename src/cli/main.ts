/**
 * CLI entry point (run by bin/ccsim.js, compiled or through tsx): runs the command line
 * (command-line.ts). In the bundled CLI (scripts/bundle-cli.mjs) that module is a script of its
 * own, command-line.cjs, compiled with the V8 code cache the build made by running the
 * quickstart; this file is then all that loads as an ES module.
 */
import { fileURLToPath } from "node:url";
import { runCodeCachedScript } from "./code-cached-script.ts";

/** Set by the bundler in the bundled CLI: the command-line script's path relative to main.js. */
declare const CCSIM_BUNDLED_COMMAND_LINE: string | undefined;

/** What the entry point takes from command-line.ts. */
type CommandLine = Pick<typeof import("./command-line.ts"), "runCommandLine">;

async function loadCommandLine(): Promise<CommandLine> {
  if (typeof CCSIM_BUNDLED_COMMAND_LINE === "string") {
    const path = fileURLToPath(new URL(CCSIM_BUNDLED_COMMAND_LINE, import.meta.url));
    return runCodeCachedScript(path).exports as CommandLine;
  }
  return import("./command-line.ts");
}

await (await loadCommandLine()).runCommandLine();
