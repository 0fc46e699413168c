import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { withErrorResponses } from './api-document.js';
import { zodSchemaConverter } from './zod-openapi.js';

const error = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };

function documentWith(operations: Record<string, object>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'test', version: '1' },
    paths: Object.fromEntries(
      Object.entries(operations).map(([path, operation]) => [path, { post: operation }]),
    ),
  } as OpenAPIObject;
}

describe('the error responses of the document', () => {
  it('gives each operation the refusals its input and its access rule imply, with the error shape', () => {
    const document = withErrorResponses(
      documentWith({
        '/public': {
          'x-access': { public: true },
          requestBody: { content: {} },
          responses: { 201: { description: 'Created' } },
        },
        '/admins': {
          'x-access': { roles: ['admin'] },
          responses: { 200: { description: 'OK' }, 503: { description: 'Not ready' } },
        },
        '/own/{id}': {
          'x-access': { roles: ['customer'], owned: 'session' },
          parameters: [{ in: 'path', name: 'id', required: true }],
          responses: { 204: { description: 'No Content' }, 409: { description: 'Already ended' } },
        },
      }),
      'ApiError',
    );
    const responses = (path: string) => document.paths[path]!.post!.responses;
    expect(responses('/public')).toEqual({
      201: { description: 'Created' },
      400: { description: expect.stringContaining('invalid'), content: error },
    });
    expect(document.paths['/public']!.post!.security).toEqual([]);
    expect(Object.keys(responses('/admins'))).toEqual(['200', '401', '403', '503']);
    expect(responses('/admins')[503]).toEqual({ description: 'Not ready' });
    expect(responses('/own/{id}')).toMatchObject({
      400: { content: error },
      401: { content: error },
      403: { content: error },
      404: { content: error },
      409: { description: 'Already ended', content: error },
    });
    expect(responses('/own/{id}')[204]).toEqual({ description: 'No Content' });
  });
});

describe('the schemas of the document, from zod', () => {
  it('makes a schema named with `.meta({ id })` a component, and refers to it', () => {
    const convert = zodSchemaConverter();
    const point = z.object({ name: z.string() }).meta({ id: 'Point' });
    expect(convert(z.array(point), { schemaType: 'output' })).toEqual({
      schema: { type: 'array', items: { $ref: '#/definitions/Point' } },
      components: {
        Point: {
          type: 'object',
          properties: { name: { type: 'string' } },
          required: ['name'],
          additionalProperties: false,
        },
      },
    });
  });

  it('writes examples as OpenAPI 3.0 does, one `example`, and leaves fields of those names alone', () => {
    const convert = zodSchemaConverter();
    const guide = z
      .object({ examples: z.array(z.string()), contentEncoding: z.string() })
      .meta({ examples: [{ examples: ['photo'], contentEncoding: 'gzip' }] });
    expect(convert(guide, { schemaType: 'output' })?.schema).toEqual({
      type: 'object',
      properties: {
        examples: { type: 'array', items: { type: 'string' } },
        contentEncoding: { type: 'string' },
      },
      required: ['examples', 'contentEncoding'],
      additionalProperties: false,
      example: { examples: ['photo'], contentEncoding: 'gzip' },
    });
  });

  it('stops the document when one name would stand for a request and a reply of different shapes', () => {
    const convert = zodSchemaConverter();
    const input = z.strictObject({ models: z.array(z.string()).default([]) }).meta({ id: 'Models' });
    convert(input, { schemaType: 'input' });
    expect(() => convert(input, { schemaType: 'output' })).toThrow(
      'The schema Models reads differently as input and as output; name each its own',
    );
  });
});
