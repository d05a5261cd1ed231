import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  loadEntityFiles,
  repoRoot,
} from '../../catalog/__testUtils__/loadEntityFiles';

export type TemplateUnderTest = {
  file: string;
  template: TemplateEntityV1beta3;
  /** Every file of the template's folder, as the template editor uploads it for a dry run. */
  directoryContents: { path: string; base64Content: string }[];
  /** Example values from `examples.yaml` beside the template. */
  examples: { title: string; values: Record<string, unknown> }[];
};

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = path.posix.join(prefix, entry.name);
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), relative)
      : [relative];
  });
}

/** Every Template that templates/all.yaml registers, with its files and examples. */
export function loadTemplates(): TemplateUnderTest[] {
  return loadEntityFiles(path.join(repoRoot, 'templates', 'all.yaml'))
    .filter(({ entity }) => entity.kind === 'Template')
    .map(({ file, entity }) => {
      const dir = path.dirname(file);
      const examplesFile = path.join(dir, 'examples.yaml');
      if (!fs.existsSync(examplesFile)) {
        throw new Error(
          `${path.relative(
            repoRoot,
            dir,
          )} has no examples.yaml to dry-run with`,
        );
      }
      return {
        file,
        template: entity as TemplateEntityV1beta3,
        directoryContents: listFiles(dir).map(f => ({
          path: f,
          base64Content: fs.readFileSync(path.join(dir, f)).toString('base64'),
        })),
        examples: parse(fs.readFileSync(examplesFile, 'utf8')).examples,
      };
    });
}
