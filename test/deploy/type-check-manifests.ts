import { join } from 'node:path';
import ts from 'typescript';

export interface TypedManifest {
  /** Named in problems: file and kind/name. */
  label: string;
  /** Module declaring the type, e.g. `kubernetes-models/apps/v1`. */
  module: string;
  /** Interface of that module, e.g. `IDeployment`. */
  type: string;
  manifest: unknown;
}

const VIRTUAL = join(import.meta.dirname, '__manifests__.ts');

/**
 * Type-checks manifests as object literals of their kubernetes-models interfaces: the
 * compiler's excess-property check makes this strict (an unknown or misspelt field is an
 * error), which the OpenAPI-derived JSON schemas are not. Returns the problems, one a line.
 */
export function typeCheckManifests(manifests: TypedManifest[]): string[] {
  // One import line and one declaration per manifest; `owners` maps each line to its label.
  const lines: string[] = [];
  const owners: string[] = [];
  manifests.forEach(({ module, type, manifest, label }, i) => {
    const declaration = `export const m${i}: T${i} = ${JSON.stringify(manifest, null, 1)};`;
    for (const line of [
      `import type { ${type} as T${i} } from '${module}';`,
      ...declaration.split('\n'),
    ]) {
      lines.push(line);
      owners.push(label);
    }
  });
  const source = lines.join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const original = {
    getSourceFile: host.getSourceFile,
    fileExists: host.fileExists,
    readFile: host.readFile,
  };
  host.fileExists = (file) => file === VIRTUAL || original.fileExists(file);
  host.readFile = (file) => (file === VIRTUAL ? source : original.readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === VIRTUAL
      ? ts.createSourceFile(file, source, language)
      : original.getSourceFile(file, language, ...rest);
  const program = ts.createProgram([VIRTUAL], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${owners[line]}: ${message}`;
  });
}
