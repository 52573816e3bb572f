/**
 * Source text with comments (and optionally string contents) blanked out, for the lint-like
 * tests that look for imports or forbidden calls with regular expressions. Positions and line
 * breaks are kept, so line numbers still point at the source.
 */

/**
 * `text` with comments blanked out, and with string contents blanked too when `strings` is
 * true (quotes kept; `${…}` inside template literals stays code). Line breaks are kept.
 */
export function stripComments(text: string, strings = false): string {
  let out = "";
  let i = 0;
  // Open template literals: the brace depth of each `${` we are inside of.
  const templates: number[] = [];
  let braces = 0;
  const blank = (from: number, to: number) => text.slice(from, to).replace(/[^\n]/g, " ");
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      out += c + (strings ? blank(i + 1, j) : text.slice(i + 1, j)) + (text[j] ?? "");
      i = j + 1;
    } else if (c === "`" || (c === "}" && templates.at(-1) === braces)) {
      // The start of a template literal, or the end of a `${…}` resuming one.
      if (c === "}") templates.pop();
      let j = i + 1;
      while (j < text.length && text[j] !== "`" && !(text[j] === "$" && text[j + 1] === "{"))
        j += text[j] === "\\" ? 2 : 1;
      out += c + (strings ? blank(i + 1, j) : text.slice(i + 1, j));
      if (text[j] === "$") {
        templates.push(braces);
        out += "${";
        i = j + 2;
      } else {
        out += text[j] ?? "";
        i = j + 1;
      }
    } else {
      if (c === "{") braces++;
      if (c === "}") braces--;
      out += c;
      i++;
    }
  }
  return out;
}
