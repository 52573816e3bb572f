/**
 * Recursive-descent parser of the PowerFx subset routing rules use. Precedence, loosest first:
 * `Or`/`||`; `And`/`&&`; comparisons `= <> < <= > >=` (left-associative); `&`; `+ -`; `* /`;
 * prefix `-`, `+`, `Not`, `!`; then `.field`. Primaries: numbers, "strings", true/false,
 * parentheses, `job`, `worker`, calls of If, IsBlank, Blank, And, Or, Not, Table, records
 * `{name: value}` and tables `[a, b]`. Unknown names and wrong argument counts are syntax errors.
 * O(length of the expression). Nesting is bounded (`MAX_EXPRESSION_NESTING`,
 * `MAX_EXPRESSION_DEPTH`), so neither parsing nor evaluating can overflow the call stack.
 */
import { PowerFxSyntaxError } from "./errors.ts";
import { type Token, tokenize } from "./lexer.ts";
import { depthOf } from "./tree-depth.ts";

/**
 * Brackets, calls and prefix operators nested inside one another. Each level costs about ten
 * stack frames of this recursive-descent parser; 100 levels (a thousand frames) is far from
 * the stack's end and far beyond any routing rule a person writes (they nest 3 to 10 deep).
 */
export const MAX_EXPRESSION_NESTING = 100;

/**
 * Depth of the parsed tree, which also counts chains such as `a Or b Or c …` (one level per
 * operator). Compiling and evaluating recurse once or twice per level: 1,000 levels keeps
 * them well inside the stack, and allows a chain of a thousand alternatives.
 */
export const MAX_EXPRESSION_DEPTH = 1000;

/** Binary operators, with the keyword forms mapped to `&&` and `||`. */
export type BinaryOperator =
  | "||"
  | "&&"
  | "="
  | "<>"
  | "<"
  | "<="
  | ">"
  | ">="
  | "&"
  | "+"
  | "-"
  | "*"
  | "/";

/** A parsed expression. */
export type PowerFxNode =
  | { readonly type: "literal"; readonly value: number | string | boolean }
  | { readonly type: "scope"; readonly scope: "job" | "worker" }
  | { readonly type: "field"; readonly object: PowerFxNode; readonly field: string }
  | { readonly type: "unary"; readonly operator: "-" | "+" | "!"; readonly operand: PowerFxNode }
  | {
      readonly type: "binary";
      readonly operator: BinaryOperator;
      readonly left: PowerFxNode;
      readonly right: PowerFxNode;
    }
  | { readonly type: "call"; readonly name: FunctionName; readonly args: readonly PowerFxNode[] }
  | { readonly type: "record"; readonly fields: readonly (readonly [string, PowerFxNode])[] }
  | { readonly type: "table"; readonly items: readonly PowerFxNode[] };

/** Argument counts of the supported functions: [minimum, maximum]. */
const FUNCTIONS = {
  If: [2, Number.POSITIVE_INFINITY],
  IsBlank: [1, 1],
  Blank: [0, 0],
  And: [1, Number.POSITIVE_INFINITY],
  Or: [1, Number.POSITIVE_INFINITY],
  Not: [1, 1],
  Table: [0, Number.POSITIVE_INFINITY],
} as const;

/** A supported function name. */
export type FunctionName = keyof typeof FUNCTIONS;

const COMPARISONS = new Set(["=", "<>", "<", "<=", ">", ">="]);

/** Parses an expression; throws `PowerFxSyntaxError` with the position of the problem. */
export function parseExpression(expression: string): PowerFxNode {
  const parser = new Parser(tokenize(expression));
  const node = parser.expression();
  parser.expectEnd();
  const depth = depthOf(node, MAX_EXPRESSION_DEPTH);
  if (depth > MAX_EXPRESSION_DEPTH) {
    throw new PowerFxSyntaxError(
      `the expression is more than ${MAX_EXPRESSION_DEPTH} operations deep; split it into simpler rules`,
      1,
    );
  }
  return node;
}

class Parser {
  private index = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.current;
    if (token.kind !== "end") this.index++;
    return token;
  }

  private isOperator(text: string): boolean {
    return this.current.kind === "operator" && this.current.text === text;
  }

  private isKeyword(text: string): boolean {
    return this.current.kind === "identifier" && this.current.text === text;
  }

  private expect(text: string): void {
    if (!this.isOperator(text)) this.fail(`expected '${text}'`);
    this.next();
  }

  expectEnd(): void {
    if (this.current.kind !== "end") this.fail("expected the end of the expression");
  }

  private fail(reason: string, token: Token = this.current): never {
    const found = token.kind === "end" ? "the end" : `'${token.text}'`;
    throw new PowerFxSyntaxError(`${reason}, found ${found}`, token.position);
  }

  expression(): PowerFxNode {
    this.enter();
    const node = this.or();
    this.nesting--;
    return node;
  }

  /** One more level of recursion; refuses to go past MAX_EXPRESSION_NESTING. */
  private enter(): void {
    if (++this.nesting > MAX_EXPRESSION_NESTING) {
      throw new PowerFxSyntaxError(
        `more than ${MAX_EXPRESSION_NESTING} nested brackets, calls or prefix operators`,
        this.current.position,
      );
    }
  }

  private or(): PowerFxNode {
    let left = this.and();
    while (this.isOperator("||") || this.isKeyword("Or")) {
      this.next();
      left = { type: "binary", operator: "||", left, right: this.and() };
    }
    return left;
  }

  private and(): PowerFxNode {
    let left = this.comparison();
    while (this.isOperator("&&") || this.isKeyword("And")) {
      this.next();
      left = { type: "binary", operator: "&&", left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): PowerFxNode {
    let left = this.concatenation();
    while (this.current.kind === "operator" && COMPARISONS.has(this.current.text)) {
      const operator = this.next().text as BinaryOperator;
      left = { type: "binary", operator, left, right: this.concatenation() };
    }
    return left;
  }

  private concatenation(): PowerFxNode {
    let left = this.additive();
    while (this.isOperator("&")) {
      this.next();
      left = { type: "binary", operator: "&", left, right: this.additive() };
    }
    return left;
  }

  private additive(): PowerFxNode {
    let left = this.multiplicative();
    while (this.isOperator("+") || this.isOperator("-")) {
      const operator = this.next().text as "+" | "-";
      left = { type: "binary", operator, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): PowerFxNode {
    let left = this.unary();
    while (this.isOperator("*") || this.isOperator("/")) {
      const operator = this.next().text as "*" | "/";
      left = { type: "binary", operator, left, right: this.unary() };
    }
    return left;
  }

  private unary(): PowerFxNode {
    if (this.isOperator("-") || this.isOperator("+") || this.isOperator("!")) {
      const operator = this.next().text as "-" | "+" | "!";
      return this.prefixed(operator);
    }
    if (this.isKeyword("Not")) {
      this.next();
      return this.prefixed("!");
    }
    return this.postfix();
  }

  private prefixed(operator: "-" | "+" | "!"): PowerFxNode {
    this.enter();
    const node: PowerFxNode = { type: "unary", operator, operand: this.unary() };
    this.nesting--;
    return node;
  }

  private postfix(): PowerFxNode {
    let node = this.primary();
    while (this.isOperator(".")) {
      this.next();
      if (this.current.kind !== "identifier") this.fail("expected a name after '.'");
      node = { type: "field", object: node, field: this.next().text };
    }
    return node;
  }

  private primary(): PowerFxNode {
    const token = this.current;
    if (token.kind === "number") {
      this.next();
      return { type: "literal", value: token.value };
    }
    if (token.kind === "string") {
      this.next();
      return { type: "literal", value: token.text };
    }
    if (this.isOperator("(")) {
      this.next();
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (this.isOperator("{")) return this.record();
    if (this.isOperator("[")) {
      this.next();
      return { type: "table", items: this.list("]") };
    }
    if (token.kind === "identifier") return this.name();
    return this.fail("expected a value");
  }

  private name(): PowerFxNode {
    const token = this.next();
    const text = token.text;
    if (text === "true" || text === "false") return { type: "literal", value: text === "true" };
    if (text === "job" || text === "worker") return { type: "scope", scope: text };
    if (!Object.hasOwn(FUNCTIONS, text)) {
      return this.fail(`unknown name '${text}' (use job.<Label> or a supported function)`, token);
    }
    if (!this.isOperator("(")) this.fail(`expected '(' after ${text}`);
    this.next();
    const name = text as FunctionName;
    const args = this.list(")");
    const [minimum, maximum] = FUNCTIONS[name];
    if (args.length < minimum || args.length > maximum) {
      const wanted = minimum === maximum ? `${minimum}` : `at least ${minimum}`;
      throw new PowerFxSyntaxError(
        `${name} takes ${wanted} argument(s), got ${args.length}`,
        token.position,
      );
    }
    return { type: "call", name, args };
  }

  /** Comma-separated expressions up to the closing operator (consumed). */
  private list(close: string): PowerFxNode[] {
    const items: PowerFxNode[] = [];
    if (this.isOperator(close)) {
      this.next();
      return items;
    }
    for (;;) {
      items.push(this.expression());
      if (this.isOperator(close)) {
        this.next();
        return items;
      }
      if (!this.isOperator(",")) this.fail(`expected ',' or '${close}'`);
      this.next();
    }
  }

  private record(): PowerFxNode {
    this.next();
    const fields: [string, PowerFxNode][] = [];
    while (!this.isOperator("}")) {
      if (fields.length > 0) this.expect(",");
      if (this.current.kind !== "identifier") this.fail("expected a field name");
      const field = this.next().text;
      this.expect(":");
      fields.push([field, this.expression()]);
    }
    this.next();
    return { type: "record", fields };
  }
}

/** Fully parenthesised text of a node, to show (and test) how an expression was grouped. */
export function formatNode(node: PowerFxNode): string {
  switch (node.type) {
    case "literal":
      return typeof node.value === "string" ? JSON.stringify(node.value) : String(node.value);
    case "scope":
      return node.scope;
    case "field":
      return `${formatNode(node.object)}.${node.field}`;
    case "unary":
      return `(${node.operator}${formatNode(node.operand)})`;
    case "binary":
      return `(${formatNode(node.left)} ${node.operator} ${formatNode(node.right)})`;
    case "call":
      return `${node.name}(${node.args.map(formatNode).join(", ")})`;
    case "record":
      return `{${node.fields.map(([field, value]) => `${field}: ${formatNode(value)}`).join(", ")}}`;
    case "table":
      return `[${node.items.map(formatNode).join(", ")}]`;
  }
}
