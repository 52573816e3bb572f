/**
 * Applies `--set` overrides to a copy of a document's plain value, resolving `[id]` to list
 * indices, and remembers which override set which path, so that problems found afterwards in
 * the changed value can be located at the field the override replaced and name their --set.
 */
import { formatPath, type ParsedDocument, type PathSegment, type Position } from "./document.ts";
import { describeValue } from "./messages.ts";
import type { OverrideSegment, ScenarioOverride } from "./overrides.ts";
import type { PathIssue } from "./schema-issues.ts";
import { nearest } from "./suggest.ts";

/** An override that was applied, with its path as document segments (ids resolved). */
export interface AppliedOverride {
  readonly override: ScenarioOverride;
  readonly path: readonly PathSegment[];
  /**
   * The outermost node the override wrote: `path`, or the first missing map it created on the
   * way (`behavior` for `workers[0].behavior.wrapUpTime=30s` when the group has none). Nothing
   * at or under it comes from the file.
   */
  readonly owned: readonly PathSegment[];
}

/** The changed copy, the overrides that took effect and those that could not be applied. */
export interface OverriddenValue {
  readonly value: Record<string, unknown>;
  /** In order of application; an override later replaced by one at or above its path is gone. */
  readonly applied: readonly AppliedOverride[];
  readonly problems: readonly PathIssue[];
}

type Container = Record<string | number, unknown>;
type Step = { key: PathSegment } | { problem: Omit<PathIssue, "path"> };

/**
 * Sets each override's value at its path in a deep copy of `data` (the parsed tree is shared
 * with the document and must not change), one after the other: the last of two at the same
 * path wins. Missing map keys are created; a missing list entry is a problem.
 */
export function applyOverrides(
  data: Record<string, unknown>,
  overrides: readonly ScenarioOverride[],
): OverriddenValue {
  const value = structuredClone(data);
  let applied: AppliedOverride[] = [];
  const problems: PathIssue[] = [];
  for (const override of overrides) {
    const written = applyOne(value, override, problems);
    if (written === undefined) continue;
    const owned = formatPath(written.owned);
    applied = applied.filter((earlier) => !isWithin(formatPath(earlier.owned), owned));
    applied.push({ override, ...written });
  }
  return { value, applied, problems };
}

function applyOne(
  root: Container,
  override: ScenarioOverride,
  problems: PathIssue[],
): Pick<AppliedOverride, "path" | "owned"> | undefined {
  let container: unknown = root;
  const resolved: PathSegment[] = [];
  let created: PathSegment[] | undefined;
  const report = (problem: Omit<PathIssue, "path">): undefined => {
    const message = `--set ${JSON.stringify(override.text)}: ${problem.message}`;
    problems.push({ ...problem, path: [...resolved], message });
    return undefined;
  };
  for (const [index, segment] of override.path.entries()) {
    const step = stepInto(container, segment, resolved);
    if ("problem" in step) return report(step.problem);
    const parent = container as Container;
    resolved.push(step.key);
    if (index === override.path.length - 1) {
      setOwn(parent, step.key, structuredClone(override.value));
      return { path: resolved, owned: created ?? resolved };
    }
    const next = override.path[index + 1];
    const child = Object.hasOwn(parent, step.key) ? parent[step.key] : undefined;
    if (child === undefined || child === null) {
      if (typeof next !== "string") {
        const where = formatPath(resolved);
        return report({
          message: `${where} is not set, so it has no entry ${formatSegment(next)}`,
          hint: `set the whole list instead, e.g. --set ${where}=[…]`,
        });
      }
      setOwn(parent, step.key, {});
      created ??= [...resolved];
    }
    container = parent[step.key];
  }
  return { path: resolved, owned: created ?? resolved };
}

/**
 * Sets an own property even for a key such as `__proto__`, which plain assignment would take
 * as the object's prototype: a --set must never reach Object.prototype.
 */
function setOwn(container: Container, key: PathSegment, value: unknown): void {
  Object.defineProperty(container, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** The key or index that `segment` names in `container`, or why there is none. */
function stepInto(container: unknown, segment: OverrideSegment, at: PathSegment[]): Step {
  const where = at.length === 0 ? "the scenario" : formatPath(at);
  if (Array.isArray(container)) return stepIntoList(container, segment, where);
  if (typeof container === "object" && container !== null) {
    if (typeof segment === "number") {
      return {
        problem: {
          message: `${where} is a map, not a list, so it has no entry [${segment}]`,
          hint: `name a field with .name, or ["${segment}"] for a key made of digits`,
        },
      };
    }
    return { key: typeof segment === "string" ? segment : segment.id };
  }
  return {
    problem: {
      message: `${where} is ${describeValue(container)}, not a map or a list, so it has no ${formatSegment(segment)}`,
      hint: `to replace it, use --set ${where}=<value>`,
    },
  };
}

function stepIntoList(list: unknown[], segment: OverrideSegment, where: string): Step {
  const ids = list.flatMap((entry) => {
    const id = (entry as Record<string, unknown> | null)?.id;
    return typeof id === "string" ? [id] : [];
  });
  const choices = ids.length > 0 ? `ids: ${ids.join(", ")}` : indexRange(list.length);
  if (typeof segment === "number") {
    if (segment < list.length) return { key: segment };
    const entries = list.length === 1 ? "1 entry" : `${list.length} entries`;
    const hint =
      list.length === 0
        ? `the list is empty; set the whole list instead, e.g. --set ${where}=[…]`
        : `${indexRange(list.length)}${ids.length > 0 ? `, or an id: ${ids.join(", ")}` : ""}`;
    return {
      problem: { message: `${where} has ${entries}, so there is no entry [${segment}]`, hint },
    };
  }
  if (typeof segment === "string") {
    return {
      problem: {
        message: `${where} is a list, so it has no field "${segment}"`,
        hint: `name an entry by [index] or [id]; ${choices}`,
      },
    };
  }
  const index = list.findIndex(
    (entry) => (entry as Record<string, unknown> | null)?.id === segment.id,
  );
  if (index >= 0) return { key: index };
  const suggestion = nearest(segment.id, ids);
  const hint =
    suggestion !== undefined
      ? `did you mean "${suggestion}"?`
      : ids.length > 0
        ? choices
        : `the entries of ${where} have no id; ${indexRange(list.length)}`;
  return {
    problem: { message: `no entry of ${where} has id ${JSON.stringify(segment.id)}`, hint },
  };
}

function indexRange(length: number): string {
  return length === 0 ? "the list is empty" : `use an index from 0 to ${length - 1}`;
}

function formatSegment(segment: OverrideSegment | undefined): string {
  if (typeof segment === "number") return `[${segment}]`;
  if (typeof segment === "string") return `field "${segment}"`;
  return segment === undefined ? "entry" : `[${JSON.stringify(segment.id)}]`;
}

/** Whether the path `inner` is `outer` or lies inside it (both in formatPath form). */
function isWithin(inner: string, outer: string): boolean {
  return (
    inner === outer ||
    (inner.startsWith(outer) && (inner[outer.length] === "." || inner[outer.length] === "["))
  );
}

/**
 * The overrides that wrote the node at `path` (formatPath form) or one above it: `outermost`
 * wrote the widest part (nothing under it is in the file, so positions stop there),
 * `innermost` set the value at `path` itself. Undefined when the value at `path` is the file's.
 */
export function overridesAt(
  applied: readonly AppliedOverride[],
  path: string,
): { outermost: AppliedOverride; innermost: AppliedOverride } | undefined {
  const covering = applied.filter((entry) => isWithin(path, formatPath(entry.owned)));
  const [first] = covering;
  if (first === undefined) return undefined;
  const byDepth = (a: AppliedOverride, b: AppliedOverride) => a.owned.length - b.owned.length;
  const sorted = covering.toSorted(byDepth);
  return { outermost: sorted[0] ?? first, innermost: sorted[sorted.length - 1] ?? first };
}

/**
 * The position of `path` in the file. A value set by --set is not in the file: it is placed at
 * the node the outermost covering override wrote, or that node's nearest ancestor in the file.
 */
export function positionIn(
  document: ParsedDocument,
  applied: readonly AppliedOverride[],
  path: readonly PathSegment[],
  atKey: boolean,
): Position {
  const target = overridesAt(applied, formatPath(path))?.outermost.owned ?? path;
  const atOwnKey = atKey && target.length === path.length;
  return (atOwnKey ? document.keyPositionOf(target) : undefined) ?? document.positionOf(target);
}

/** ` (set by --set "…")` when the value at `path` came from an override, else "". */
export function setByNote(applied: readonly AppliedOverride[], path: string): string {
  const innermost = overridesAt(applied, path)?.innermost;
  return innermost === undefined
    ? ""
    : ` (set by --set ${JSON.stringify(innermost.override.text)})`;
}
