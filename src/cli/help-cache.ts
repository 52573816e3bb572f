/**
 * yargs renders a command's whole help text right after starting its handler (cacheHelpMessage:
 * for a handler that shows help later, after yargs moved on). No ccsim handler does, and the text
 * (every option wrapped and measured for width) cost about a tenth of a second of each command's
 * start-up. Help asked for (--help, a usage error) is rendered as before: it does not use the cache.
 */
import type { Argv } from "yargs";

/** The part of yargs' internals this touches (yargs 18's usage instance). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/** Stops `cli` from rendering help after starting a handler; false if yargs has no such step. */
export function skipHelpCache(cli: Argv): boolean {
  const usage = (cli as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage !== "function") return false;
  usage.cacheHelpMessage = () => {};
  return true;
}
