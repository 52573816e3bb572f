/**
 * Finds the `§` citations in text and the sections and items the reference documents define.
 * A citation names the Job Router reference (docs/reference/jobrouter.md) unless it is written
 * `output contract §<n>` (docs/reference/output-contract.md). Forms: `§3`, `§3.4`,
 * `§3.1 rule 6`, `§8 q` and `§8 g, l` (lettered items); a `§` followed by a word (`§6 table`)
 * cites the section alone.
 */

/** Which reference document a citation points to. */
export type ReferenceDocument = "jobrouter" | "output-contract";

/** One citation, as the keys it needs: `3`, `3.1`, `3.1 rule 6`, `8 q`. */
export interface Citation {
  readonly document: ReferenceDocument;
  readonly keys: readonly string[];
  readonly text: string;
  readonly line: number;
}

const CITATION =
  /(output contract\s+)?§(\d+)(?:\.(\d+))?(?:\s+rule\s+(\d+)|\s+([a-z])\b((?:,\s*[a-z]\b)*))?/g;

/** Every citation in `text`, with its 1-based line. */
export function findCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  text.split("\n").forEach((lineText, index) => {
    for (const match of lineText.matchAll(CITATION)) {
      const [whole, contract, section, subsection, rule, firstItem, moreItems] = match;
      const heading = subsection === undefined ? `${section}` : `${section}.${subsection}`;
      const keys = [heading];
      if (rule !== undefined) keys.push(`${heading} rule ${rule}`);
      if (firstItem !== undefined) {
        const items = [firstItem, ...(moreItems ?? "").split(",").map((item) => item.trim())];
        for (const item of items.filter((letter) => letter !== "")) keys.push(`${heading} ${item}`);
      }
      citations.push({
        document: contract === undefined ? "jobrouter" : "output-contract",
        keys,
        text: whole.trim(),
        line: index + 1,
      });
    }
  });
  return citations;
}

/**
 * The keys a reference document defines: `## 8. …` gives `8`, `### 3.1 …` gives `3.1`, a line
 * `a. …` inside a section gives `8 a`, a line `6. …` inside a subsection gives `3.1 rule 6`.
 * Fenced code blocks are skipped.
 */
export function definedKeys(markdown: string): Set<string> {
  const keys = new Set<string>();
  let section: string | null = null;
  let subsection: string | null = null;
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const sectionHeading = /^## (\d+)\.\s/.exec(line);
    if (sectionHeading !== null) {
      section = sectionHeading[1] as string;
      subsection = null;
      keys.add(section);
      continue;
    }
    const subsectionHeading = /^### (\d+\.\d+)\s/.exec(line);
    if (subsectionHeading !== null) {
      subsection = subsectionHeading[1] as string;
      keys.add(subsection);
      continue;
    }
    if (/^## /.test(line)) {
      section = null;
      subsection = null;
      continue;
    }
    const letteredItem = /^([a-z])\.\s/.exec(line);
    if (letteredItem !== null && section !== null) keys.add(`${section} ${letteredItem[1]}`);
    const numberedItem = /^(\d+)\.\s/.exec(line);
    if (numberedItem !== null && subsection !== null) {
      keys.add(`${subsection} rule ${numberedItem[1]}`);
    }
  }
  return keys;
}

/** The citations of `text` whose document lacks one of their keys, as `file:line text`. */
export function brokenCitations(
  file: string,
  text: string,
  defined: Readonly<Record<ReferenceDocument, ReadonlySet<string>>>,
): string[] {
  return findCitations(text)
    .filter((citation) => citation.keys.some((key) => !defined[citation.document].has(key)))
    .map((citation) => `${file}:${citation.line} ${citation.text} (${citation.document})`);
}
