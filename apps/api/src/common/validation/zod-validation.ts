import { Body, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { DomainError } from '@partagora/domain';
import { z } from 'zod';

/** Field-level problems, with dotted paths the web maps onto its form fields. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

/** Parses with the shared zod schema; a failure is a 400 VALIDATION_FAILED with field paths. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(
    private readonly schema: T,
    private readonly where: 'body' | 'query',
  ) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? (this.where === 'body' ? undefined : {}));
    if (!result.success) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Invalid request ${this.where}`,
        issuesOf(result.error),
      );
    }
    return result.data;
  }
}

type SchemaObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** Documents the body in OpenAPI and validates it with the same schema. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema, 'body'))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiBody({ schema: jsonSchema(schema, 'input') as never })(target, key, descriptor);
  };
}

/** Documents each query parameter in OpenAPI and validates them with the same schema. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema, 'query'))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    const full = jsonSchema(schema, 'input') as {
      properties?: Record<string, SchemaObject>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(full.properties ?? {})) {
      ApiQuery({
        name,
        required: full.required?.includes(name) ?? false,
        schema: prop as never,
      })(target, key, descriptor);
    }
  };
}

/** OpenAPI schema of a response, from the shared zod schema. */
export function responseSchema(schema: z.ZodType): never {
  return jsonSchema(schema, 'output') as never;
}
