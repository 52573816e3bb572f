/**
 * `--set <path>=<value>` scenario overrides: parsing the text the user typed into a path and a
 * YAML value, and naming an override back. Pure; applying overrides to a document is
 * override-apply.ts. The grammar and the error messages are documented in
 * docs/scenario-overrides.md.
 */
import { parseDocument, stringify } from "yaml";
import { UsageError } from "../errors.ts";

/**
 * One step of an override path: a map key (`.name`), a list index (`[0]`) or the entry of a
 * list whose `id` field is `id` (`[agents]`, `["voice.policy"]`; on a map, the key `id`).
 */
export type OverrideSegment = string | number | { readonly id: string };

/** A parsed `--set`: the text as typed, the path it names and the value to put there. */
export interface ScenarioOverride {
  /** The text as the user typed it, quoted back in messages. */
  readonly text: string;
  /** At least one segment; the first is always a top-level field name. */
  readonly path: readonly OverrideSegment[];
  /** The value, parsed as YAML (a string, number, boolean, null, list or map). */
  readonly value: unknown;
}

const EXAMPLE = "e.g. workers[agents].count=48";
const FORM = `expected <path>=<value>, ${EXAMPLE}`;
const NAME = /^[A-Za-z_$][\w$-]*/;

function usage(text: string, detail: string): UsageError {
  return new UsageError(`--set ${JSON.stringify(text)}: ${detail}`);
}

/**
 * Parses `<path>=<value>`: a path `name(.name | [index] | [id] | ["quoted id"])*` and a YAML
 * value (`60s` stays a string, `48` is a number, `[a, b]` a list, `{kind: roundRobin}` a map).
 * Throws UsageError, quoting the text, when it is malformed or the value is empty.
 */
export function parseOverride(text: string): ScenarioOverride {
  const { path, end } = parsePath(text);
  const valueText = text.slice(end + 1);
  if (valueText.trim() === "") {
    throw usage(text, `the value after "=" is empty (${EXAMPLE}; name="" sets an empty string)`);
  }
  return { text, path, value: parseValue(text, valueText) };
}

/** The path up to the first `=` outside brackets; `end` is the index of that `=`. */
function parsePath(text: string): { path: OverrideSegment[]; end: number } {
  const path: OverrideSegment[] = [];
  let at = 0;
  const first = NAME.exec(text);
  if (first === null) {
    throw usage(text, text.includes("=") ? `${FORM} (the path starts with a field name)` : FORM);
  }
  path.push(first[0]);
  at = first[0].length;
  while (text[at] !== "=") {
    const character = text[at];
    if (character === ".") {
      const name = NAME.exec(text.slice(at + 1));
      if (name === null) throw malformed(text, at + 1, 'a field name after "."');
      path.push(name[0]);
      at += 1 + name[0].length;
    } else if (character === "[") {
      const bracket = parseBracket(text, at);
      path.push(bracket.segment);
      at = bracket.end;
    } else {
      throw malformed(text, at, '".name", "[index]", "[id]" or "="');
    }
  }
  return { path, end: at };
}

function malformed(text: string, at: number, expected: string): UsageError {
  if (at >= text.length && !text.includes("=")) return usage(text, FORM);
  const after = text.slice(0, at);
  return usage(text, `${FORM} (after ${JSON.stringify(after)}, expected ${expected})`);
}

/** `[0]`, `[agents]`, `["voice.policy"]` or `['voice policy']` starting at `at`. */
function parseBracket(text: string, at: number): { segment: OverrideSegment; end: number } {
  const quote = text[at + 1];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(text, at + 2, quote);
    if (close < 0 || text[close + 1] !== "]") {
      throw malformed(text, at, `a quoted id closed by ${quote}]`);
    }
    const inner = text.slice(at + 1, close + 1);
    const id = quote === '"' ? parseJsonString(text, inner) : inner.slice(1, -1);
    return { segment: { id }, end: close + 2 };
  }
  const close = text.indexOf("]", at);
  const content = close < 0 ? "" : text.slice(at + 1, close);
  if (close < 0 || content === "" || content.includes("[")) {
    throw malformed(text, at, "[index] or [id] with a closing ]");
  }
  if (/^\d+$/.test(content)) {
    const index = Number(content);
    if (!Number.isSafeInteger(index)) throw malformed(text, at, "an index of a few digits");
    return { segment: index, end: close + 1 };
  }
  return { segment: { id: content }, end: close + 1 };
}

/** The index of the quote that closes a string opened before `from` (-1 if none). */
function closingQuote(text: string, from: number, quote: string): number {
  for (let at = from; at < text.length; at++) {
    if (quote === '"' && text[at] === "\\") at++;
    else if (text[at] === quote) return at;
  }
  return -1;
}

function parseJsonString(text: string, quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    throw usage(text, `${FORM} (${quoted} is not a valid quoted id)`);
  }
}

function parseValue(text: string, valueText: string): unknown {
  const document = parseDocument(valueText, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const reason = (error.message.split("\n")[0] ?? error.message).replace(/ at line .*$/, "");
    throw usage(
      text,
      `the value is not valid YAML (${reason}); quote a string YAML would misread, as in name="[draft"`,
    );
  }
  return document.toJS({ maxAliasCount: 100 });
}

/** Renders a path as `workers[agents].count`, ids quoted when they could read as an index. */
export function formatOverridePath(path: readonly OverrideSegment[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      if (typeof segment === "string") {
        if (!NAME.test(segment) || NAME.exec(segment)?.[0] !== segment) {
          return `[${JSON.stringify(segment)}]`;
        }
        return index === 0 ? segment : `.${segment}`;
      }
      const plain = /^[^\]["'=]+$/.test(segment.id) && !/^\d+$/.test(segment.id);
      return plain ? `[${segment.id}]` : `[${JSON.stringify(segment.id)}]`;
    })
    .join("");
}

/**
 * A canonical one-line name for an override, `<path>=<value>` with the value in YAML flow
 * style (`distributionPolicies[0].offerExpiresAfterSeconds=60`, `mode={ kind: roundRobin }`):
 * the same for texts that differ only in spacing or quoting, so it suits naming variants.
 */
export function formatOverride(override: ScenarioOverride): string {
  const value = stringify(override.value, { collectionStyle: "flow", lineWidth: 0 }).trimEnd();
  return `${formatOverridePath(override.path)}=${value}`;
}
