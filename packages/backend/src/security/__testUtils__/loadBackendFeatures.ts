// Loads packages/backend/src/backendFeatures.ts, the list index.ts starts, for Jest. Jest runs
// backend packages as CommonJS and leaves `import()` native, which needs node's
// --experimental-vm-modules; so the file is compiled here with `import()` turned into `require`
// and run with this module's require (Jest's, which compiles TypeScript). The list itself is
// read from the real file, so the suite starts exactly what production starts.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { BackendFeatureInput } from '../../backendFeatures';

const FILE = path.resolve(__dirname, '../../backendFeatures.ts');

export function loadBackendFeatures(): BackendFeatureInput[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(FILE, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  // Relative imports in the file are relative to packages/backend/src.
  const fromSrc = (id: string) =>
    id.startsWith('.') ? path.resolve(path.dirname(FILE), id) : id;
  const moduleExports: Record<string, unknown> = {};
  // eslint-disable-next-line no-new-func
  new Function('require', 'exports', 'module', outputText)(
    (id: string) => require(fromSrc(id)),
    moduleExports,
    { exports: moduleExports },
  );
  return (moduleExports.backendFeatures as () => BackendFeatureInput[])();
}
