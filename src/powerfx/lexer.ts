/**
 * Tokenizer of the PowerFx subset used by routing rules: numbers, "strings" ("" escapes a
 * quote), identifiers (plain or 'quoted', '' escapes a quote), and the operators and
 * punctuation of the grammar. Every token carries its 1-based position in the expression, so
 * parse errors can point at it. Pure; O(length of the expression).
 */
import { PowerFxSyntaxError } from "./errors.ts";

/** Token kinds. `operator` covers operators and punctuation alike. */
export type TokenKind = "number" | "string" | "identifier" | "operator" | "end";

/** One token: its kind, its text (decoded for strings and quoted identifiers) and position. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Numeric value of a `number` token, NaN otherwise. */
  readonly value: number;
  /** 1-based position of the token's first character. */
  readonly position: number;
}

/** Operators, longest first so that `<=` wins over `<`. */
const OPERATORS = [
  "<>",
  "<=",
  ">=",
  "&&",
  "||",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "&",
  "!",
  "(",
  ")",
  ",",
  ".",
  "{",
  "}",
  "[",
  "]",
  ":",
];

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Splits an expression into tokens, ending with an `end` token. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < expression.length) {
    const character = expression[index] as string;
    if (/\s/.test(character)) {
      index++;
      continue;
    }
    const position = index + 1;
    if (character === '"' || character === "'") {
      const [text, next] = readQuoted(expression, index, character);
      tokens.push(token(character === '"' ? "string" : "identifier", text, position));
      index = next;
      continue;
    }
    const number = matchAt(NUMBER, expression, index);
    if (number !== null) {
      tokens.push({ kind: "number", text: number, value: Number(number), position });
      index += number.length;
      continue;
    }
    const identifier = matchAt(IDENTIFIER, expression, index);
    if (identifier !== null) {
      tokens.push(token("identifier", identifier, position));
      index += identifier.length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => expression.startsWith(candidate, index));
    if (operator === undefined) {
      throw new PowerFxSyntaxError(`unexpected character '${character}'`, position);
    }
    tokens.push(token("operator", operator, position));
    index += operator.length;
  }
  tokens.push(token("end", "", expression.length + 1));
  return tokens;
}

function token(kind: TokenKind, text: string, position: number): Token {
  return { kind, text, value: Number.NaN, position };
}

function matchAt(pattern: RegExp, text: string, index: number): string | null {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  return match === null ? null : match[0];
}

/** Reads a quoted text starting at `start` (the quote); a doubled quote stands for one. */
function readQuoted(expression: string, start: number, quote: string): [string, number] {
  let text = "";
  let index = start + 1;
  for (;;) {
    const next = expression.indexOf(quote, index);
    if (next < 0) {
      const what = quote === '"' ? "string" : "quoted name";
      throw new PowerFxSyntaxError(`unterminated ${what}`, start + 1);
    }
    text += expression.slice(index, next);
    if (expression[next + 1] === quote) {
      text += quote;
      index = next + 2;
    } else {
      return [text, next + 1];
    }
  }
}
