import { Controller, Get } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public } from '../../src/common/decorators/public.decorator.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { useTestEnv } from '../utils/test-env.js';

@Public()
@Controller('test-only')
class FailingController {
  @Get('boom')
  boom(): never {
    throw new Error('secret internals at /srv/app/db.ts:42');
  }
}

const UUID = /^[0-9a-f-]{36}$/;

describe('request pipeline', () => {
  let api: TestApp;

  beforeAll(async () => {
    await useTestEnv();
    api = await createTestApp({ controllers: [FailingController] });
  });
  afterAll(() => api?.close());

  it('keeps a sane incoming X-Request-ID and echoes it', async () => {
    const res = await http(api.baseUrl, 'GET', '/health/live', {
      headers: { 'X-Request-ID': 'client-id-123' },
    });
    expect(res.headers.get('x-request-id')).toBe('client-id-123');
  });

  it('replaces an unsafe X-Request-ID with a generated one', async () => {
    const res = await http(api.baseUrl, 'GET', '/health/live', {
      headers: { 'X-Request-ID': 'bad id <script>' },
    });
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });

  it('generates an id when none is sent, and times the request', async () => {
    const res = await http(api.baseUrl, 'GET', '/health/live');
    expect(res.headers.get('x-request-id')).toMatch(UUID);
    expect(res.headers.get('server-timing')).toMatch(/^app;dur=\d+(\.\d+)?$/);
  });

  it('404: unknown route in the common error shape, with the request id', async () => {
    const res = await http(api.baseUrl, 'GET', '/no/such/route', {
      headers: { 'X-Request-ID': 'req-404' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: 'req-404',
    });
    expect(res.headers.get('x-request-id')).toBe('req-404');
  });

  it('400: malformed JSON, with the request id', async () => {
    const res = await http(api.baseUrl, 'POST', '/v1/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json', 'X-Request-ID': 'req-400' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'MALFORMED_JSON',
      message: expect.any(String),
      requestId: 'req-400',
    });
  });

  it('422: validation errors with field-level details', async () => {
    const res = await http(api.baseUrl, 'POST', '/v1/auth/register', {
      body: { email: 'not-an-email', password: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });

  it('500: a generic message, nothing internal leaked, still timed and with an id', async () => {
    const res = await http(api.baseUrl, 'GET', '/test-only/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId: res.headers.get('x-request-id'),
    });
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toContain('.ts');
    expect(res.headers.get('server-timing')).toMatch(/^app;dur=/);
  });

  it('serves Swagger UI and an OpenAPI document with bearer auth and the error schema', async () => {
    const ui = await http(api.baseUrl, 'GET', '/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await http(api.baseUrl, 'GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.body.components.schemas.Error.required).toEqual(
      expect.arrayContaining(['statusCode', 'code', 'message', 'requestId']),
    );
    const me = doc.body.paths['/v1/me'].get;
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(me.responses.default.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Error',
    );
  });
});
