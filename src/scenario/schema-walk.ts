/**
 * Finds the zod schema that governs a path of a document, following the data through unions
 * (discriminated unions by their discriminator value). Used only to phrase errors: the known
 * keys of an object (for "did you mean") and the identity of a union (for special messages).
 */
import type * as z from "zod";
import type { PathSegment } from "./document.ts";

type AnySchema = z.core.$ZodType;

interface Definition {
  type: string;
  [field: string]: unknown;
}

function definitionOf(schema: AnySchema): Definition {
  return schema._zod.def as unknown as Definition;
}

/** Peels wrappers (optional, default, pipe, …) until an object, array, record or union. */
function unwrap(schema: AnySchema, value: unknown): AnySchema {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const definition = definitionOf(current);
    const inner = (definition.innerType ?? definition.in) as AnySchema | undefined;
    if (definition.type === "union") {
      const option = pickOption(definition, value);
      if (option === undefined) return current;
      current = option;
    } else if (inner !== undefined) {
      current = inner;
    } else {
      return current;
    }
  }
  return current;
}

function pickOption(definition: Definition, value: unknown): AnySchema | undefined {
  const options = definition.options as AnySchema[];
  const discriminator = definition.discriminator as string | undefined;
  if (discriminator !== undefined) {
    const kind = (value as Record<string, unknown> | null)?.[discriminator];
    return options.find((option) => {
      const shape = objectShape(unwrap(option, value));
      const literal = shape?.[discriminator];
      const values = literal === undefined ? undefined : definitionOf(literal).values;
      return Array.isArray(values) && values.includes(kind);
    });
  }
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject) return undefined;
  // unwrap resolves nested unions by the value, so an object branch unwraps to an object.
  return options.find((option) => definitionOf(unwrap(option, value)).type === "object");
}

function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const definition = definitionOf(schema);
  return definition.type === "object" ? (definition.shape as Record<string, AnySchema>) : undefined;
}

function child(schema: AnySchema, segment: PathSegment, value: unknown): AnySchema | undefined {
  const definition = definitionOf(unwrap(schema, value));
  if (definition.type === "object") return objectShape(unwrap(schema, value))?.[String(segment)];
  if (definition.type === "array") return definition.element as AnySchema;
  if (definition.type === "record") return definition.valueType as AnySchema;
  return undefined;
}

/** The schema at `path` (the outermost schema there, before unwrapping), if the path is known. */
function schemaAt(
  root: AnySchema,
  path: readonly PathSegment[],
  data: unknown,
): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  let value = data;
  for (const segment of path) {
    if (schema === undefined) return undefined;
    schema = child(schema, segment, value);
    value = (value as Record<PathSegment, unknown> | null | undefined)?.[segment];
  }
  return schema;
}

/** The keys an object at `path` may have, or [] when the path is not an object schema. */
export function knownKeysAt(
  root: AnySchema,
  path: readonly PathSegment[],
  data: unknown,
  value: unknown,
): string[] {
  const schema = schemaAt(root, path, data);
  if (schema === undefined) return [];
  return Object.keys(objectShape(unwrap(schema, value)) ?? {});
}
