import { Validator } from '@seriousme/openapi-schema-validator';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { useTestEnv } from '../utils/test-env.js';

// The contract a client builds on: the document the running API serves is valid OpenAPI,
// types the receipt record field by field, matches the committed document and client (run
// `npm run openapi:generate` after any API change), and breaks nothing the committed one promised.
describe('OpenAPI contract', () => {
  let api: TestApp;
  let live: any;
  let committed: any;
  let files: typeof import('../../src/openapi/openapi-files.js').OPENAPI_FILES;
  let findBreakingChanges: typeof import('../../src/openapi/find-breaking-changes.js').findBreakingChanges;

  beforeAll(async () => {
    await useTestEnv();
    api = await createTestApp();
    live = (await http(api.baseUrl, 'GET', '/docs-json')).body;
    ({ OPENAPI_FILES: files } = await import('../../src/openapi/openapi-files.js'));
    ({ findBreakingChanges } = await import('../../src/openapi/find-breaking-changes.js'));
    committed = JSON.parse(await readFile(files.document, 'utf8'));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('serves a document that validates as OpenAPI, with every $ref resolving', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(live));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('types the receipt record: every field, line items, tax lines, checks, timings, enums', () => {
    const schemas = live.components.schemas;
    const receipt = schemas.Receipt.properties;
    expect(receipt.record).toMatchObject({
      nullable: true,
      allOf: [{ $ref: '#/components/schemas/ReceiptRecord' }],
    });
    expect(receipt.timings.allOf[0].$ref).toBe('#/components/schemas/ReceiptTimings');
    expect(receipt.status.allOf[0].$ref).toBe('#/components/schemas/ReceiptStatus');
    expect(receipt.error.allOf[0].$ref).toBe('#/components/schemas/ReceiptError');

    const record = schemas.ReceiptRecord;
    const fields = [
      'merchantName',
      'address',
      'phone',
      'taxId',
      'receiptNumber',
      'date',
      'time',
      'currency',
      'subtotal',
      'taxTotal',
      'tip',
      'discount',
      'total',
      'paymentMethod',
      'cardLast4',
    ];
    for (const name of fields) {
      expect(record.properties[name].allOf, name).toEqual([
        { $ref: '#/components/schemas/ReceiptField' },
      ]);
      expect(record.properties[name].description, name).toBeTruthy();
    }
    expect(record.properties.lineItems.items.$ref).toBe('#/components/schemas/LineItem');
    expect(record.properties.taxLines.items.$ref).toBe('#/components/schemas/TaxLine');
    expect(record.required).toEqual(
      expect.arrayContaining([...fields, 'lineItems', 'taxLines', 'checks']),
    );

    const field = schemas.ReceiptField;
    expect(field.required).toEqual(['value', 'confidence', 'source']);
    expect(field.properties.confidence).toMatchObject({ minimum: 0, maximum: 1 });
    expect(field.properties.source.oneOf).toEqual([
      { $ref: '#/components/schemas/FieldSource' },
      expect.objectContaining({ enum: ['user'] }),
    ]);
    expect(Object.keys(schemas.FieldSource.properties)).toEqual([
      'line',
      'text',
      'page',
      'box',
      'engines',
    ]);
    expect(schemas.FieldSource.properties.engines.items.enum).toEqual(['tesseract', 'ppocr']);

    expect(schemas.ReceiptStatus.enum).toEqual([
      'queued',
      'processing',
      'completed',
      'needs_review',
      'failed',
    ]);
    expect(schemas.ReceiptStage.enum).toEqual(['preparing', 'reading', 'extracting', 'saving']);
    expect(schemas.FailureCode.enum).toEqual([
      'FILE_UNREADABLE',
      'OCR_FAILED',
      'EXTRACTION_FAILED',
      'TIMEOUT',
      'DEPENDENCY_UNAVAILABLE',
    ]);
    expect(schemas.ErrorCode.enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'RECEIPT_NOT_FOUND']),
    );
    expect(schemas.Error.properties.code.allOf[0].$ref).toBe('#/components/schemas/ErrorCode');
  });

  it('is the document npm run openapi:generate builds without servers', async () => {
    const { buildOpenApiDocumentOffline } =
      await import('../../src/openapi/build-openapi-document.js');
    expect(JSON.parse(JSON.stringify(await buildOpenApiDocumentOffline()))).toEqual(live);
  });

  it('matches the committed client types (else: npm run openapi:generate)', async () => {
    const { generateClientSchema } = await import('../../src/openapi/generate-client-schema.js');
    const current = await readFile(files.clientSchema, 'utf8');
    // toBe, not a diff summary: the fix is always to regenerate, never to edit by hand.
    expect(
      (await generateClientSchema(live)) === current,
      'clients/typescript/src/schema.ts is stale: run npm run openapi:generate',
    ).toBe(true);
  });

  it('breaks nothing the committed openapi/openapi.json promised', () => {
    expect(findBreakingChanges(committed, live)).toEqual([]);
  });

  it('would fail on a removed field, route or enum value, or a newly required parameter', () => {
    const removedField = structuredClone(live);
    delete removedField.components.schemas.ReceiptRecord.properties.total;
    expect(findBreakingChanges(committed, removedField).map((c) => c.path)).toContainEqual(
      expect.stringMatching(/\/record\/allOf\/0\/properties\/total$/),
    );

    const removedRoute = structuredClone(live);
    delete removedRoute.paths['/v1/receipts/{id}'].delete;
    expect(findBreakingChanges(committed, removedRoute)).toContainEqual({
      path: 'paths//v1/receipts/{id}/delete',
      description: expect.stringContaining('Removed'),
    });

    const removedEnumValue = structuredClone(live);
    removedEnumValue.components.schemas.ReceiptStatus.enum.pop();
    expect(findBreakingChanges(committed, removedEnumValue).length).toBeGreaterThan(0);

    const requiredParameter = structuredClone(live);
    requiredParameter.paths['/v1/receipts'].get.parameters.push({
      name: 'workspace',
      in: 'query',
      required: true,
      schema: { type: 'string' },
    });
    expect(findBreakingChanges(committed, requiredParameter)).toContainEqual(
      expect.objectContaining({
        path: expect.stringMatching(/^paths\/\/v1\/receipts\/get\/parameters/),
      }),
    );
  });
});
