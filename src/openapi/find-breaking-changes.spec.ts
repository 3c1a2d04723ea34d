import { describe, expect, it } from 'vitest';
import { findBreakingChanges } from './find-breaking-changes.js';

/** A small document: one read (GET, response schema Thing) and one write (POST, body NewThing). */
function document() {
  const json = (ref: string) => ({
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
  });
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        get: {
          parameters: [
            {
              name: 'status',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['a', 'b'] },
            },
          ],
          responses: { '200': { description: 'ok', ...json('Thing') } },
        },
        post: {
          requestBody: { required: true, ...json('NewThing') },
          responses: { '201': { description: 'ok', ...json('Thing') } },
        },
      },
      '/things/{id}': {
        delete: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'gone' } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'kind'],
          properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['x', 'y'] } },
        },
        NewThing: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      },
    },
  };
}

type Doc = ReturnType<typeof document>;
const changed = (mutate: (doc: Doc) => void) => {
  const after = document();
  mutate(after);
  return findBreakingChanges(document(), after);
};

describe('findBreakingChanges', () => {
  it.each<[string, (doc: Doc) => void]>([
    ['a removed route', (d) => delete (d.paths as Record<string, unknown>)['/things/{id}']],
    [
      'a removed response field',
      (d) => delete (d.components.schemas.Thing.properties as Record<string, unknown>).kind,
    ],
    ['a removed query enum value', (d) => d.paths['/things'].get.parameters[0].schema.enum.pop()],
    [
      'an optional parameter made required',
      (d) => (d.paths['/things'].get.parameters[0].required = true),
    ],
    [
      'a new required parameter',
      (d) =>
        d.paths['/things'].get.parameters.push({
          name: 'q',
          in: 'query',
          required: true,
          schema: { type: 'string', enum: [] },
        }),
    ],
    [
      'a new required request field',
      (d) => {
        Object.assign(d.components.schemas.NewThing.properties, { owner: { type: 'string' } });
        d.components.schemas.NewThing.required.push('owner');
      },
    ],
    [
      'a changed field type',
      (d) => Object.assign(d.components.schemas.Thing.properties.id, { type: 'integer' }),
    ],
  ])('reports %s', (_, mutate) => {
    const changes = changed(mutate);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.path).toMatch(/^paths\//);
      expect(change.description).toBeTruthy();
    }
  });

  it.each<[string, (doc: Doc) => void]>([
    ['nothing', () => undefined],
    [
      'a new route',
      (d) =>
        Object.assign(d.paths, {
          '/other': { get: { responses: { '200': { description: 'ok' } } } },
        }),
    ],
    [
      'a new required response field',
      (d) => {
        Object.assign(d.components.schemas.Thing.properties, { createdAt: { type: 'string' } });
        d.components.schemas.Thing.required.push('createdAt');
      },
    ],
    ['a new response enum value', (d) => d.components.schemas.Thing.properties.kind.enum.push('z')],
    ['a new query enum value', (d) => d.paths['/things'].get.parameters[0].schema.enum.push('c')],
    [
      'a new optional request field',
      (d) => Object.assign(d.components.schemas.NewThing.properties, { note: { type: 'string' } }),
    ],
    [
      'a changed description',
      (d) => Object.assign(d.components.schemas.Thing, { description: 'A thing' }),
    ],
  ])('accepts %s', (_, mutate) => {
    expect(changed(mutate)).toEqual([]);
  });
});
