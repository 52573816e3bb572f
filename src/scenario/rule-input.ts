/**
 * What the cross-reference rules see: every part of the document that passed the schema, each
 * list item with its original index (so issue paths stay exact), plus the ids declared in the
 * raw document (so a resource that failed the schema for another reason is still resolvable
 * and does not produce a second, misleading "unknown id" problem).
 */
import * as z from "zod";
import type { PathSegment } from "./document.ts";
import { RESOURCE_LISTS, type ResourceListKey, scenarioShape } from "./schema.ts";

/** A list item that passed the schema, with its index in the document. */
export interface Indexed<T> {
  index: number;
  value: T;
}

type Shape = typeof scenarioShape;
type ItemOf<K extends ResourceListKey> = z.output<Shape[K]>[number];
type TopLevelKey = Exclude<keyof Shape, ResourceListKey>;

/** The valid parts of a scenario, for rules that must run even when the schema failed. */
export type RuleInput = {
  top: { [K in TopLevelKey]?: z.output<Shape[K]> };
  declaredIds: Record<ResourceListKey, Set<string>>;
} & { [K in ResourceListKey]: Indexed<ItemOf<K>>[] };

/** A problem found by a rule. */
export interface RuleIssue {
  path: PathSegment[];
  message: string;
  hint?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates each top-level field and each list item on its own and keeps what passes. */
export function buildRuleInput(data: Record<string, unknown>): RuleInput {
  const top: Record<string, unknown> = {};
  for (const key of Object.keys(scenarioShape) as (keyof Shape)[]) {
    if ((RESOURCE_LISTS as readonly string[]).includes(key)) continue;
    const result = scenarioShape[key].safeParse(data[key]);
    if (result.success) top[key] = result.data;
  }
  const input: Record<string, unknown> = { top, declaredIds: {} };
  for (const key of RESOURCE_LISTS) {
    input[key] = validItems(key, data[key]);
    (input.declaredIds as Record<string, Set<string>>)[key] = declaredIds(data[key]);
  }
  return input as RuleInput;
}

function validItems(key: ResourceListKey, list: unknown): Indexed<unknown>[] {
  if (!Array.isArray(list)) return [];
  const listSchema = scenarioShape[key];
  const arraySchema = listSchema instanceof z.ZodDefault ? listSchema.unwrap() : listSchema;
  const elementSchema = (arraySchema as z.ZodArray<z.ZodType>).element;
  const items: Indexed<unknown>[] = [];
  list.forEach((item, index) => {
    const result = elementSchema.safeParse(item);
    if (result.success) items.push({ index, value: result.data });
  });
  return items;
}

function declaredIds(list: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(list)) return ids;
  for (const item of list) {
    if (isRecord(item) && typeof item.id === "string") ids.add(item.id);
  }
  return ids;
}
