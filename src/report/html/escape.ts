/**
 * HTML escaping for text and attribute values. Everything a scenario supplies (its name,
 * description, queue ids) and every chart title passes through here: a name such as
 * `<script>` must read as text, not run.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` safe inside an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
