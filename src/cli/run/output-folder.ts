/**
 * The default output folder, `reports/<folder name>`: the scenario's name turned into ONE safe
 * path segment, because the name comes from a file that may not be the user's own
 * (`name: ../../../x` must not write outside reports/). `--out` is the user's explicit choice
 * and is used as given; this module is only about the default.
 */
import { join } from "node:path";

/** Where reports go when `--out` is not given. */
export const REPORTS_FOLDER = "reports";

/** The folder name used when nothing readable is left of a scenario's name. */
export const FALLBACK_FOLDER_NAME = "scenario";

/** Longest folder name: far below every file system's 255-byte limit, and still readable. */
export const MAX_FOLDER_NAME_LENGTH = 80;

/** Device names Windows reserves, with or without an extension (`con`, `con.txt`, `com1`). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Everything that is not a lower-case ASCII letter, digit, `.` or `_` (hyphens included). */
const OUTSIDE_ALPHABET = /[^a-z0-9._]+/g;

/** Combining marks left by decomposition (the accent of é), dropped so that é reads as e. */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The folder name of a scenario: lower-case `a-z`, `0-9`, `.`, `_` and `-` only. Accents are
 * dropped (é → e); every run of other characters or hyphens (separators, spaces, control
 * characters, `:`, backslash) becomes one `-`; runs of dots become one dot; no leading or trailing
 * `-` or `.`; at most {@link MAX_FOLDER_NAME_LENGTH} characters; a Windows device name (`con`,
 * `nul.v2`) gets a `scenario-` prefix; nothing left gives `scenario`. Idempotent, so a name that
 * is already such a slug (every shipped scenario's) is its own folder name.
 */
export function folderNameOf(scenarioName: string): string {
  // Decomposed before and after lower-casing: each step can produce what the other folds.
  const folded = scenarioName
    .normalize("NFKD")
    .toLowerCase()
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "");
  const slug = trimEdges(
    trimEdges(folded.replace(OUTSIDE_ALPHABET, "-").replace(/\.{2,}/g, ".")).slice(
      0,
      MAX_FOLDER_NAME_LENGTH,
    ),
  );
  if (slug === "") return FALLBACK_FOLDER_NAME;
  // Checked after shortening, which can leave a device name (`nul-.-.-…x` cut to `nul`).
  const stem = slug.split(".")[0] ?? slug;
  if (!WINDOWS_DEVICE_NAME.test(stem)) return slug;
  return trimEdges(`${FALLBACK_FOLDER_NAME}-${slug}`.slice(0, MAX_FOLDER_NAME_LENGTH));
}

/** The output folder of a run: `--out` as given, else `reports/<folder name of the scenario>`. */
export function outputFolderOf(out: string | undefined, scenarioName: string): string {
  return out ?? join(REPORTS_FOLDER, folderNameOf(scenarioName));
}

/** Drops leading and trailing `-` and `.`: a leading dot hides a folder, a trailing one is
 * dropped by Windows, a leading hyphen reads as an option in a shell. */
function trimEdges(text: string): string {
  return text.replace(/^[-.]+|[-.]+$/g, "");
}
