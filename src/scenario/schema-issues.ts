/**
 * Turns zod issues into located scenario issues: one per problem, pointing at the offending
 * node (unknown keys at the key, missing fields at the parent object), with hints for typos
 * and enums. Union failures are resolved to the branch the user evidently meant.
 */
import type * as z from "zod";
import type { ParsedDocument, PathSegment } from "./document.ts";
import { describeValue } from "./messages.ts";
import { OFFLINE_RULE_REJECTIONS } from "./schema-primitives.ts";
import { knownKeysAt } from "./schema-walk.ts";
import { nearest } from "./suggest.ts";

/** A problem with a structured path, before it is given a file and a position. */
export interface PathIssue {
  path: PathSegment[];
  message: string;
  hint?: string;
  /** Point at the key of `path` rather than its value (unknown keys). */
  atKey?: boolean;
}

type Issue = z.core.$ZodIssue;

/** Context shared by the conversion of all issues of one document. */
export interface IssueContext {
  rootSchema: z.core.$ZodType;
  data: unknown;
  document: ParsedDocument;
}

/** Reads the plain value at `path` of `data` (undefined when absent). */
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** Converts zod issues raised for the value at `basePath` into path issues. */
export function convertIssues(
  issues: readonly Issue[],
  basePath: readonly PathSegment[],
  context: IssueContext,
): PathIssue[] {
  return issues.flatMap((issue) => convertIssue(issue, basePath, context));
}

function convertIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
  context: IssueContext,
): PathIssue[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKey(path, key, context));
    case "invalid_union":
      return convertUnion(issue, path, context);
    case "invalid_value":
      return [enumIssue(path, issue.message, issue.values.map(String), context)];
    default:
      return [{ path, message: issue.message }];
  }
}

function unknownKey(path: PathSegment[], key: string, context: IssueContext): PathIssue {
  const known = knownKeysAt(context.rootSchema, path, context.data, valueAt(context.data, path));
  const suggestion = nearest(key, known);
  const keyPath = [...path, key];
  if (suggestion !== undefined) {
    return {
      path: keyPath,
      message: "unknown field",
      hint: `did you mean "${suggestion}"?`,
      atKey: true,
    };
  }
  const hint = known.length > 0 ? `known fields: ${known.join(", ")}` : undefined;
  return { path: keyPath, message: "unknown field", ...(hint && { hint }), atKey: true };
}

function enumIssue(
  path: PathSegment[],
  message: string,
  allowed: readonly string[],
  context: IssueContext,
): PathIssue {
  const value = valueAt(context.data, path);
  const suggestion = typeof value === "string" ? nearest(value, allowed) : undefined;
  const list = `allowed: ${allowed.join(", ")}`;
  const hint = suggestion === undefined ? list : `did you mean "${suggestion}"? ${list}`;
  return { path, message, hint };
}

function convertUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  context: IssueContext,
): PathIssue[] {
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    return [discriminatorIssue(issue, path, context)];
  }
  const candidate = issue.errors.find((branch) => !isTypeMismatch(branch));
  if (candidate !== undefined) return convertIssues(candidate, path, context);
  const value = valueAt(context.data, path);
  const message =
    value === undefined
      ? "required field is missing"
      : `${issue.message}, got ${describeValue(value)}`;
  return [{ path, message }];
}

/** `kind` (or another discriminator) names no known variant. */
function discriminatorIssue(
  issue: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  context: IssueContext,
): PathIssue {
  const allowed = ("options" in issue ? (issue.options ?? []) : []).map(String);
  const kind = valueAt(context.data, path);
  if (kind === undefined) {
    return { path, message: "required field is missing", hint: `allowed: ${allowed.join(", ")}` };
  }
  const rejection = typeof kind === "string" ? OFFLINE_RULE_REJECTIONS[kind] : undefined;
  if (rejection !== undefined && allowed.includes("directMap")) {
    return { path, message: rejection, hint: `use one of: ${allowed.join(", ")}` };
  }
  return enumIssue(path, `unknown kind ${describeValue(kind)}`, allowed, context);
}

/** A union branch that failed only because the value has another type altogether. */
function isTypeMismatch(branch: readonly Issue[]): boolean {
  return branch.every(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === "invalid_type" ||
        (issue.code === "invalid_union" &&
          issue.discriminator === undefined &&
          issue.errors.every(isTypeMismatch))),
  );
}
