/**
 * A baseline's JSON text with its positions: the value as JSON.parse reads it (JSON's own
 * numbers and strictness), and the node tree of the yaml package (JSON is YAML) to locate any
 * field as a 1-based line and column. Text that is not JSON gives one located syntax problem.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

/** A 1-based position in the text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** One segment of a field path: a key or an index. */
export type FieldPathSegment = string | number;

/** Parsed JSON text and a way to locate its fields. */
export type LocatedJson =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Where the value at `path` starts; its nearest existing ancestor when it is absent. */
      readonly positionOf: (path: readonly FieldPathSegment[]) => TextPosition;
      /** Where the key of `path`'s last segment starts, when it exists. */
      readonly keyPositionOf: (path: readonly FieldPathSegment[]) => TextPosition | undefined;
    }
  | { readonly ok: false; readonly position: TextPosition; readonly message: string };

const START: TextPosition = { line: 1, column: 1 };

/** Parses `text` as JSON, keeping positions. */
export function parseLocatedJson(text: string): LocatedJson {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const toPosition = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(reason)?.[1];
    const position =
      offset !== undefined
        ? toPosition(Number(offset))
        : /end of JSON input/.test(reason)
          ? toPosition(text.length)
          : START;
    const message = reason.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*$/s, "");
    return { ok: false, position, message: `not valid JSON: ${message}` };
  }
  const root = document.contents as Node | null;
  const start = (node: unknown): TextPosition | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range === undefined || range === null ? undefined : toPosition(range[0]);
  };
  return {
    ok: true,
    value,
    positionOf: (path) => start(deepestNode(root, path)) ?? START,
    keyPositionOf: (path) => {
      const parent = deepestNode(root, path.slice(0, -1), true);
      const key = path[path.length - 1];
      if (!isMap(parent) || key === undefined) return undefined;
      const pair = parent.items.find((item) => isPair(item) && keyText(item.key) === String(key));
      return start(pair?.key);
    },
  };
}

/** The node at `path`; when it does not exist, its deepest existing ancestor (unless `exact`). */
function deepestNode(
  root: Node | null,
  path: readonly FieldPathSegment[],
  exact = false,
): Node | null {
  let node = root;
  for (const segment of path) {
    const child = childNode(node, segment);
    if (child === undefined) return exact ? null : node;
    node = child;
  }
  return node;
}

function childNode(node: Node | null, segment: FieldPathSegment): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => keyText(item.key) === String(segment));
    return (pair?.value as Node | null | undefined) ?? undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    return (node.items[segment] as Node | null | undefined) ?? undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** A path in dot/bracket form: `queues["a b"].waitMean`, `overall.serviceLevel.mean`. */
export function formatFieldPath(path: readonly FieldPathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
