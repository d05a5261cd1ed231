import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import ts from 'typescript';
import { Entity } from '@backstage/catalog-model';
import { validateEntity } from '../../catalog/__testUtils__/validateEntity';

export type RenderedFiles = Map<string, string>;

/** What every service made on the golden path carries (seed 001's list). */
const COMMON_FILES = [
  'README.md',
  'catalog-info.yaml',
  'Dockerfile',
  '.github/workflows/ci.yaml',
  '.devcontainer/devcontainer.json',
  'k8s/deployment.yaml',
  'k8s/service.yaml',
  'k8s/kustomization.yaml',
  'mkdocs.yml',
  'docs/index.md',
  'docs/runbook.md',
];

/** Per language: the service code, its health-endpoint test and its telemetry wiring. */
export const LANGUAGE_FILES: Record<string, string[]> = {
  go: ['go.mod', 'main.go', 'server.go', 'server_test.go', 'telemetry.go'],
  python: [
    'pyproject.toml',
    'app/main.py',
    'app/telemetry.py',
    'tests/test_health.py',
  ],
  typescript: [
    'package.json',
    'tsconfig.json',
    'src/server.ts',
    'src/server.test.ts',
    'src/telemetry.ts',
  ],
};

/** Runs a parser of the language's own toolchain; undefined when that toolchain is absent. */
function toolchainParseErrors(command: string, args: string[], cwd: string) {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe' });
    return '';
  } catch (error: any) {
    if (error.code === 'ENOENT') return undefined;
    return `${command}: ${String(
      error.stderr || error.stdout || error.message,
    )}`;
  }
}

/** gofmt from PATH, else from Go's usual install folders (often not on a plain PATH). */
function goFormatter(): string | undefined {
  const candidates = ['/usr/local/go/bin/gofmt', '/usr/lib/go/bin/gofmt'];
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map(dir => path.join(dir, 'gofmt'));
  return [...onPath, ...candidates].find(file => fs.existsSync(file));
}

function codeProblems(files: RenderedFiles, language: string): string[] {
  const problems: string[] = [];
  if (language === 'typescript') {
    for (const [file, text] of files) {
      if (!file.endsWith('.ts')) continue;
      const source = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
      );
      const diagnostics = (source as any).parseDiagnostics as ts.Diagnostic[];
      for (const d of diagnostics) {
        problems.push(
          `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
        );
      }
    }
    return problems;
  }
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), `paved-render-${language}-`),
  );
  try {
    for (const [file, text] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const sources = [...files.keys()].filter(f =>
      f.endsWith(language === 'go' ? '.go' : '.py'),
    );
    const gofmt = goFormatter();
    const result =
      language === 'go'
        ? gofmt && toolchainParseErrors(gofmt, ['-e', '-l', ...sources], dir)
        : toolchainParseErrors(
            'python3',
            ['-m', 'py_compile', ...sources],
            dir,
          );
    if (result === undefined) {
      // Said loudly, and only where the language's toolchain is not installed at all.
      console.warn(
        `NOT CHECKED: ${language} sources were not parsed: its toolchain is not installed`,
      );
    } else if (result) {
      problems.push(result);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** Every problem found in a rendered service; an empty list means it is complete and valid. */
export async function problemsInRenderedService(
  files: RenderedFiles,
  values: {
    name: string;
    owner: string;
    language: string;
    environment: string;
  },
): Promise<string[]> {
  const problems: string[] = [];
  for (const required of [
    ...COMMON_FILES,
    ...LANGUAGE_FILES[values.language],
  ]) {
    if (!files.has(required)) problems.push(`missing ${required}`);
  }
  for (const [file, text] of files) {
    if (/\$\{\{\s*(values|parameters)\./.test(text)) {
      problems.push(`${file}: scaffolder expression left unrendered`);
    }
    if (/\.ya?ml$/.test(file)) {
      for (const doc of parseAllDocuments(text)) {
        for (const e of doc.errors)
          problems.push(`${file}: YAML: ${e.message}`);
      }
    }
    if (file.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch (e: any) {
        problems.push(`${file}: JSON: ${e.message}`);
      }
    }
  }
  const catalogInfo = files.get('catalog-info.yaml');
  if (catalogInfo) {
    const entity = parseAllDocuments(catalogInfo)[0].toJS() as Entity;
    await validateEntity(entity).catch(e =>
      problems.push(`catalog-info.yaml: ${e.message}`),
    );
    if (entity.metadata?.name !== values.name)
      problems.push('catalog-info.yaml: wrong name');
    if (entity.spec?.owner !== values.owner)
      problems.push('catalog-info.yaml: wrong owner');
    const annotations = entity.metadata?.annotations ?? {};
    if (
      annotations['backstage.io/source-template'] !==
      'template:default/new-microservice'
    ) {
      problems.push(
        'catalog-info.yaml: no backstage.io/source-template annotation',
      );
    }
    if (
      annotations['backstage.io/kubernetes-namespace'] !==
      `${values.name}-${values.environment}`
    ) {
      problems.push(
        'catalog-info.yaml: kubernetes namespace is not <name>-<environment>',
      );
    }
  }
  return [...problems, ...codeProblems(files, values.language)];
}
