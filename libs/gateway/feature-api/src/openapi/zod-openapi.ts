import { isDeepStrictEqual } from 'node:util';
import type { SchemaObject, StandardSchemaConverter } from '@nestjs/swagger';
import { z } from 'zod';

type Io = 'input' | 'output';

/** Keywords whose value is a map of names to schemas: the names are not keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
/** Keywords whose value is data (an instance), never a schema. */
const DATA = new Set(['example', 'default', 'enum']);

/** What zod writes that OpenAPI 3.0 words otherwise (`example`) or does not know (`contentEncoding`). */
function toOpenApi30(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { examples, contentEncoding: _, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      DATA.has(key)
        ? value
        : SCHEMA_MAPS.has(key)
          ? Object.fromEntries(Object.entries(value as object).map(([n, s]) => [n, toOpenApi30(s)]))
          : toOpenApi30(value),
    ]),
  );
  return Array.isArray(examples) && examples.length > 0 ? { ...converted, example: examples[0] } : converted;
}

function convert(schema: z.ZodType, io: Io) {
  // A transform's result has no JSON Schema of its own; the input side still describes what to send.
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  const {
    definitions,
    $schema: _,
    ...root
  } = toOpenApi30(json) as SchemaObject & {
    definitions?: Record<string, SchemaObject>;
    $schema?: string;
  };
  return { root: root as SchemaObject, definitions: definitions ?? {} };
}

/** The OpenAPI schema of a value sent (`input`) or answered (`output`), inline, for a header or a form. */
export function openApiSchemaOf(schema: z.ZodType, io: Io): SchemaObject {
  const { root, definitions } = convert(schema, io);
  if (Object.keys(definitions).length > 0) {
    throw new Error(
      `An inline schema cannot name schemas of its own: ${Object.keys(definitions).join(', ')}`,
    );
  }
  return root;
}

/**
 * Turns the contracts' zod schemas into the document's schemas; each one named with `.meta({ id })` becomes
 * a component of that name. One name stands for one shape: a name whose request and reply read differently
 * (a default is optional to send but always answered) stops the document, so no client gets the wrong type.
 */
export function zodSchemaConverter(): StandardSchemaConverter {
  const named = new Map<string, { io: Io; schema: SchemaObject }>();
  return (schema, { schemaType }) => {
    if (!(schema instanceof z.ZodType)) return undefined;
    const { root, definitions } = convert(schema, schemaType);
    for (const [name, definition] of Object.entries(definitions)) {
      const known = named.get(name);
      if (known && !isDeepStrictEqual(known.schema, definition)) {
        throw new Error(
          `The schema ${name} reads differently as ${known.io} and as ${schemaType}; name each its own`,
        );
      }
      named.set(name, { io: schemaType, schema: definition });
    }
    return { schema: root, components: definitions };
  };
}
