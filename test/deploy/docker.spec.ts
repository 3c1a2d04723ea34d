import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnv } from '../../src/config/env.schema.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const require = createRequire(import.meta.url);

/** The current Compose Specification schema (draft-07), as shipped inside the dclint package. */
function composeValidator() {
  const dir = dirname(require.resolve('dclint/package.json'));
  const schema = JSON.parse(readFileSync(join(dir, 'schemas/compose.schema.json'), 'utf8')) as {
    $schema?: string;
  };
  delete schema.$schema;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

// No container engine here, so `docker compose config` is replaced by its two halves: the
// YAML must parse, and the result must satisfy the Compose Specification's JSON schema
// (the copy inside the dclint package, pinned by the lockfile; nothing downloaded).
describe('docker/compose.yaml', () => {
  const compose = parse(read('docker/compose.yaml'), { merge: true }) as {
    services: Record<string, Record<string, any>>;
    [key: string]: unknown;
  };

  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check does catch a mistake (control)', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    broken.services.api.restartt = 'always';
    expect(validate(broken)).toBe(false);
  });

  it('runs Redis with noeviction and append-only persistence', () => {
    const command: string[] = compose.services.redis.command;
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(command[command.indexOf('--appendonly') + 1]).toBe('yes');
  });

  it('runs the app read-only, without capabilities, with /tmp and the storage volume writable', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const service = compose.services[name];
      expect(service.read_only, name).toBe(true);
      expect(service.tmpfs, name).toContain('/tmp');
      expect(service.cap_drop, name).toEqual(['ALL']);
      expect(service.volumes, name).toContain('storage:/data/storage');
    }
  });

  it('gives the worker longer to stop than SHUTDOWN_GRACE_MS', () => {
    const graceMs = parseEnv({
      DATABASE_URL: 'postgres://x@y/z',
      REDIS_URL: 'redis://r',
      JWT_SECRET: 's',
      ...compose.services.worker.environment,
    }).SHUTDOWN_GRACE_MS;
    expect(
      Number.parseInt(compose.services.worker.stop_grace_period as string, 10) * 1000,
    ).toBeGreaterThan(graceMs);
  });
});

describe('docker/Dockerfile and .dockerignore', () => {
  const dockerfile = read('docker/Dockerfile');
  const ignored = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));

  it('runs as a numeric non-root user with HOME outside the read-only tree', () => {
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(dockerfile).toMatch(/HOME=\/tmp/);
  });

  it('ignores nothing the build copies from the context, and keeps secrets and data out', () => {
    const copied = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].flatMap((m) =>
      m[1].trim().split(/\s+/).slice(0, -1),
    );
    expect(copied.length).toBeGreaterThan(3);
    for (const source of copied) {
      const hit = ignored.find((pattern) => source === pattern || source.startsWith(`${pattern}/`));
      expect(hit, `${source} is copied but ignored by ${hit}`).toBeUndefined();
    }
    for (const kept of ['.env', '.data', '.git', 'node_modules', 'test'])
      expect(ignored).toContain(kept);
  });
});
