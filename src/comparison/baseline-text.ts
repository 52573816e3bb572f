/**
 * A baseline's JSON text with its positions, read by scenario/'s located parser (the one that
 * reads scenarios; JSON is YAML, and strict JSON is checked as for `.json` scenarios): the value,
 * and any field as a 1-based line and column. Text that is not JSON gives one located syntax
 * problem, the first.
 */
import {
  formatPath,
  type ParsedDocument,
  type PathSegment,
  type Position,
  parseLocatedText,
} from "../scenario/index.ts";

/** A 1-based position in the text. */
export type TextPosition = Position;

/** One segment of a field path: a key or an index. */
export type FieldPathSegment = PathSegment;

/** A path in dot/bracket form: `queues["a b"].waitMean`, `overall.serviceLevel.mean`. */
export const formatFieldPath = formatPath;

/** Parsed JSON text and a way to locate its fields. */
export type LocatedJson =
  | ({ readonly ok: true } & Pick<ParsedDocument, "value" | "positionOf" | "keyPositionOf">)
  | { readonly ok: false; readonly position: TextPosition; readonly message: string };

/** Parses `text` as JSON, keeping positions. */
export function parseLocatedJson(text: string): LocatedJson {
  const document = parseLocatedText(text, { strictJson: true });
  const first = document.syntaxErrors[0];
  if (first !== undefined) {
    const reason = first.message.replace(/^invalid JSON: /, "");
    return { ok: false, position: first.position, message: `not valid JSON: ${reason}` };
  }
  return {
    ok: true,
    value: document.value,
    positionOf: (path) => document.positionOf(path),
    keyPositionOf: (path) => document.keyPositionOf(path),
  };
}
