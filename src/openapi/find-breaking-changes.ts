import { apiCompare } from 'api-smart-diff';

export interface BreakingChange {
  /** JSON path in the document, e.g. `paths//v1/receipts/get/parameters/4`. */
  path: string;
  description: string;
}

/**
 * What a client written against `before` could trip over in `after`: a removed route, field
 * or enum value, a newly required parameter or request field, a changed type. The maintained
 * diff library (api-smart-diff) classifies the changes; the rules commented below are ours.
 */
export function findBreakingChanges(before: object, after: object): BreakingChange[] {
  const { diffs } = apiCompare(before, after);
  const seen = new Set<string>();
  const breaking: BreakingChange[] = [];
  for (const diff of diffs) {
    // Only operations say whether a schema is read (response) or written (request); the
    // library judges a bare component as if it were both, so a new required response field
    // would count as breaking. Every component in use is compared through its operations.
    if (diff.path[0] !== 'paths') continue;
    // The library rates a changed type in a response as harmless; a client that parses the
    // old type breaks on it.
    const typeChanged = diff.action === 'replace' && diff.path.at(-1) === 'type';
    if (diff.type !== 'breaking' && !typeChanged) continue;
    // A new enum value (a new error code, a new status) is not breaking here: the README tells
    // clients that response enums grow, and a check that flagged every new error code would be
    // acknowledged by reflex and stop protecting anything.
    if (diff.action === 'add' && diff.path.includes('enum')) continue;
    const path = diff.path.join('/');
    const description = diff.description || `${diff.action} ${path}`;
    if (seen.has(path)) continue;
    seen.add(path);
    breaking.push({ path, description });
  }
  return breaking;
}
