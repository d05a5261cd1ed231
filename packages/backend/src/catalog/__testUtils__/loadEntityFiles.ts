import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';

export type LoadedEntity = { file: string; entity: Entity };

/**
 * Reads a catalog Location file and every file it targets, recursively, the way the catalog's
 * file reader does for `type: file` locations.
 */
export function loadEntityFiles(locationFile: string): LoadedEntity[] {
  const loaded: LoadedEntity[] = [];
  const visit = (file: string) => {
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        throw new Error(
          `${file}: ${doc.errors.map(e => e.message).join('; ')}`,
        );
      }
      const entity = doc.toJS() as Entity;
      if (!entity) continue;
      loaded.push({ file, entity });
      if (entity.kind === 'Location') {
        const targets = (entity.spec?.targets as string[] | undefined) ?? [];
        const target = entity.spec?.target as string | undefined;
        for (const t of target ? [target, ...targets] : targets) {
          visit(path.resolve(path.dirname(file), t));
        }
      }
    }
  };
  visit(locationFile);
  return loaded;
}

/** The repository root, found from this file so tests run from any working directory. */
export const repoRoot = path.resolve(__dirname, '../../../../..');
