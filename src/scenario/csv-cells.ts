/**
 * A CSV reader (RFC 4180: commas, double-quoted cells with `""` escapes and line breaks inside,
 * LF, CRLF or CR line ends) that keeps each cell's 1-based line and column, so every problem of
 * a trace file can be shown where it is. Cells are trimmed; blank lines are skipped. Problems
 * are described in ccsim's words and never quote the file. O(length of the text).
 */

/** A position in the text, 1-based. */
export interface CellPosition {
  readonly line: number;
  readonly column: number;
}

/** One cell: its text (unquoted, trimmed) and where it starts. */
export interface Cell extends CellPosition {
  readonly text: string;
}

/** One record: its cells and where it ends (for "too few cells" problems). */
export interface Row {
  readonly cells: readonly Cell[];
  readonly end: CellPosition;
  /** True when a structural problem was found in it (already reported). */
  readonly broken: boolean;
}

/** A problem in the CSV structure itself. */
export interface CsvProblem extends CellPosition {
  readonly message: string;
}

/** The structural problems of a CSV text: the first ones, and how many there are in all. */
export interface CsvProblems {
  readonly first: CsvProblem[];
  readonly count: number;
}

/**
 * Reads CSV text (a leading BOM is dropped), handing each non-blank record to `onRow` as it is
 * read, so a large trace never holds all its cells at once. Keeps the first `keep` structural
 * problems and counts the rest; reading goes on after each, except after an unclosed quote (it
 * swallows the rest of the text).
 */
export function readCsvCells(
  text: string,
  onRow: (row: Row) => void,
  keep = Number.POSITIVE_INFINITY,
): CsvProblems {
  return new CsvReader(text.startsWith("\uFEFF") ? text.slice(1) : text, keep).read(onRow);
}

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** A comma or a line end: where an unquoted cell stops. */
function isCellEnd(code: number): boolean {
  return code === COMMA || code === LINE_FEED || code === CARRIAGE_RETURN;
}

class CsvReader {
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private readonly problems: CsvProblem[] = [];
  private problemCount = 0;

  constructor(
    private readonly text: string,
    private readonly keep: number,
  ) {}

  read(onRow: (row: Row) => void): CsvProblems {
    while (this.offset < this.text.length) {
      const row = this.readRow();
      if (row === undefined) break;
      const blank = row.cells.length === 1 && (row.cells[0] as Cell).text === "";
      if (!blank) onRow(row);
    }
    return { first: this.problems, count: this.problemCount };
  }

  private report(problem: CsvProblem): void {
    if (this.problemCount < this.keep) this.problems.push(problem);
    this.problemCount += 1;
  }

  private position(): CellPosition {
    return { line: this.line, column: this.offset - this.lineStart + 1 };
  }

  /** Consumes a line end at the current offset, if there is one; returns whether it did. */
  private lineEnd(): boolean {
    const code = this.text.charCodeAt(this.offset);
    if (code === CARRIAGE_RETURN) {
      this.offset += this.text.charCodeAt(this.offset + 1) === LINE_FEED ? 2 : 1;
    } else if (code === LINE_FEED) {
      this.offset += 1;
    } else {
      return false;
    }
    this.line += 1;
    this.lineStart = this.offset;
    return true;
  }

  /** One record, or undefined when an unclosed quote swallowed the rest of the text. */
  private readRow(): Row | undefined {
    const problemsBefore = this.problemCount;
    const cells: Cell[] = [];
    for (;;) {
      const cell = this.readCell();
      if (cell === undefined) return undefined;
      cells.push(cell);
      if (this.text.charCodeAt(this.offset) === COMMA) {
        this.offset += 1;
        continue;
      }
      const end = this.position();
      this.lineEnd();
      return { cells, end, broken: this.problemCount > problemsBefore };
    }
  }

  private readCell(): Cell | undefined {
    const text = this.text;
    let offset = this.offset;
    while (text.charCodeAt(offset) === SPACE || text.charCodeAt(offset) === TAB) offset += 1;
    this.offset = offset;
    const line = this.line;
    const column = offset - this.lineStart + 1;
    if (text.charCodeAt(offset) === QUOTE) return this.readQuoted({ line, column });
    let end = offset;
    while (end < text.length && !isCellEnd(text.charCodeAt(end))) end += 1;
    this.offset = end;
    return { line, column, text: text.slice(offset, end).trim() };
  }

  private readQuoted(start: CellPosition): Cell | undefined {
    this.offset += 1;
    let text = "";
    for (;;) {
      const next = this.text.indexOf('"', this.offset);
      if (next < 0) {
        this.report({
          ...start,
          message: "a quoted cell starts here but its closing quote is missing",
        });
        return undefined;
      }
      text += this.advanceTo(next);
      this.offset += 1;
      if (this.text.charCodeAt(this.offset) !== QUOTE) break;
      text += '"';
      this.offset += 1;
    }
    this.skipAfterClosingQuote(start);
    return { ...start, text };
  }

  /** The text up to `offset`, counting the line breaks inside a quoted cell (kept as `\n`). */
  private advanceTo(offset: number): string {
    let text = "";
    for (;;) {
      const lineBreak = this.text.slice(this.offset, offset).search(/[\r\n]/);
      if (lineBreak < 0) break;
      text += `${this.text.slice(this.offset, this.offset + lineBreak)}\n`;
      this.offset += lineBreak;
      this.lineEnd();
    }
    text += this.text.slice(this.offset, offset);
    this.offset = offset;
    return text;
  }

  /** After a closing quote only spaces may come before the comma or line end. */
  private skipAfterClosingQuote(start: CellPosition): void {
    while (
      this.text.charCodeAt(this.offset) === SPACE ||
      this.text.charCodeAt(this.offset) === TAB
    ) {
      this.offset += 1;
    }
    if (this.offset >= this.text.length || isCellEnd(this.text.charCodeAt(this.offset))) return;
    this.report({
      ...this.position(),
      message:
        start.line === this.line
          ? "text follows the closing quote of a cell (inside quotes, write a quote as two quotes)"
          : `text follows the closing quote of a cell that opened at line ${start.line}, column ${start.column} (is a quote missing there?)`,
    });
    while (this.offset < this.text.length && !isCellEnd(this.text.charCodeAt(this.offset))) {
      this.offset += 1;
    }
  }
}
