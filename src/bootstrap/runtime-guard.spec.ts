import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE_MAJOR, unsupportedRuntimeMessage } from './runtime-guard.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('runtime guard', () => {
  it('asks for the Node that package.json declares and installs', () => {
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE_MAJOR}`);
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^?${MINIMUM_NODE_MAJOR}\\.`));
  });

  it('refuses an older Node with a message naming both versions and the binary', () => {
    const message = unsupportedRuntimeMessage('v20.20.2', '/usr/bin/node');
    expect(message).toContain(`needs Node.js ${MINIMUM_NODE_MAJOR} or newer`);
    expect(message).toContain('v20.20.2 (/usr/bin/node)');
    expect(unsupportedRuntimeMessage(`v${MINIMUM_NODE_MAJOR - 1}.99.0`, '/x')).toBeDefined();
  });

  it('accepts the minimum and newer', () => {
    expect(unsupportedRuntimeMessage(`v${MINIMUM_NODE_MAJOR}.0.0`, '/x')).toBeUndefined();
    expect(unsupportedRuntimeMessage(`v${MINIMUM_NODE_MAJOR + 2}.1.0`, '/x')).toBeUndefined();
  });
});
