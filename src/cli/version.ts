/**
 * The package version, read once from package.json next to the sources (tsx runs them in
 * place, so the relative location is stable).
 */
import { readFileSync } from "node:fs";

/** The version field of ccsim's package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String((manifest as { version?: unknown }).version ?? "unknown");
}
