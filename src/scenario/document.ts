/**
 * Parses YAML or JSON text (a scenario; also a baseline summary.json) into a plain value while
 * keeping the node tree, so any path can be located as a 1-based line and column. Syntax
 * problems come back as located messages, all of them, never as exceptions.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import { MAX_YAML_ALIAS_EXPANSIONS } from "./limits.ts";

/** One segment of a document path: a map key or a list index. */
export type PathSegment = string | number;

/** A 1-based position in the source text. */
export interface Position {
  line: number;
  column: number;
}

/** A problem located in the source text, before any schema applies. */
export interface LocatedMessage {
  position: Position;
  message: string;
  hint?: string;
}

/** A parsed document: its plain value and a way to locate nodes by path. */
export interface ParsedDocument {
  /** The document as plain data (undefined for an empty document). */
  value: unknown;
  syntaxErrors: LocatedMessage[];
  /** The position of the value at `path`, or of its nearest existing ancestor. */
  positionOf(path: readonly PathSegment[]): Position;
  /** The position of the key node `path[last]` in its parent map, if it exists. */
  keyPositionOf(path: readonly PathSegment[]): Position | undefined;
}

const DOCUMENT_START: Position = { line: 1, column: 1 };

/** Renders a path as `workers[2].channels[0].capacityCostPerJob` ("" for the root). */
export function formatPath(path: readonly PathSegment[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Parses `text`; `.json` files also get JSON's stricter syntax check. */
export function parseScenarioText(text: string, fileName: string): ParsedDocument {
  return parseLocatedText(text, { strictJson: fileName.toLowerCase().endsWith(".json") });
}

/** Parses YAML text, or with `strictJson` text that must also be JSON, keeping positions. */
export function parseLocatedText(
  text: string,
  options: { readonly strictJson: boolean },
): ParsedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors: LocatedMessage[] = document.errors.map((error) => ({
    position: toPosition(error.pos[0]),
    message: firstLine(error.message),
  }));
  if (syntaxErrors.length === 0 && options.strictJson) {
    const jsonError = strictJsonError(text, toPosition);
    if (jsonError !== undefined) syntaxErrors.push(jsonError);
  }
  const value: unknown =
    syntaxErrors.length === 0 ? toPlainValue(document, toPosition, syntaxErrors) : undefined;
  const root = document.contents as Node | null;
  const rangeStart = (node: Node | null | undefined): Position | undefined =>
    node?.range === undefined || node.range === null ? undefined : toPosition(node.range[0]);
  return {
    value,
    syntaxErrors,
    positionOf: (path) => rangeStart(deepestNode(root, path)) ?? DOCUMENT_START,
    keyPositionOf: (path) => {
      const parent = deepestNode(root, path.slice(0, -1), true);
      const key = path[path.length - 1];
      if (!isMap(parent) || key === undefined) return undefined;
      const pair = parent.items.find((item) => isPair(item) && scalarKey(item.key) === String(key));
      return rangeStart(pair?.key as Node | undefined);
    },
  };
}

/**
 * The document as plain data. Resolving aliases can fail (an alias bomb beyond
 * MAX_YAML_ALIAS_EXPANSIONS): that becomes a syntax error at the first alias.
 */
function toPlainValue(
  document: Document,
  toPosition: (offset: number) => Position,
  syntaxErrors: LocatedMessage[],
): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSIONS });
  } catch (error) {
    let position = DOCUMENT_START;
    visit(document, {
      Alias(_, alias) {
        if (isAlias(alias) && alias.range != null) position = toPosition(alias.range[0]);
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    syntaxErrors.push(
      /alias count/i.test(reason)
        ? {
            position,
            message: `the aliases (*name) expand to more than ${MAX_YAML_ALIAS_EXPANSIONS} copies, as in a YAML "alias bomb"`,
            hint: "write the repeated parts out or use fewer nested aliases; see docs/limits.md",
          }
        : { position, message: reason },
    );
    return undefined;
  }
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/** The node at `path`; if it does not exist, its deepest existing ancestor (unless `exact`). */
function deepestNode(root: Node | null, path: readonly PathSegment[], exact = false): Node | null {
  let node = root;
  for (const segment of path) {
    const child = childNode(node, segment);
    if (child === undefined) return exact ? null : node;
    node = child;
  }
  return node;
}

function childNode(node: Node | null, segment: PathSegment): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => scalarKey(item.key) === String(segment));
    return (pair?.value as Node | null | undefined) ?? undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    return (node.items[segment] as Node | null | undefined) ?? undefined;
  }
  return undefined;
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * YAML accepts some input JSON rejects (trailing commas, comments); a `.json` file should be
 * JSON. Returns the first JSON syntax error, located from V8's "position N" when it has one.
 */
function strictJsonError(
  text: string,
  toPosition: (offset: number) => Position,
): LocatedMessage | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const position = offset === undefined ? DOCUMENT_START : toPosition(Number(offset));
    return {
      position,
      // V8 quotes the text around the error ("…", "hello: world" is not valid JSON): cut it,
      // so that no message repeats a file's contents.
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*$/s, "")}`,
    };
  }
}
