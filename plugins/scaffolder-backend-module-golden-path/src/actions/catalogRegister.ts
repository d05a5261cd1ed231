// golden-path:catalog:register: registers the new component's catalog-info.yaml and waits
// (bounded) until the catalog has ingested it, so "Open in catalog" works when the task ends.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { stringifyEntityRef, Entity } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { GoldenPathServices } from './GoldenPathServices';
import { examples } from './catalogRegister.examples';

const POLL_MS = 500;

async function readWorkspaceEntity(
  workspace: string,
  file: string,
): Promise<Entity> {
  const resolved = path.resolve(workspace, file);
  if (!resolved.startsWith(path.resolve(workspace) + path.sep)) {
    throw new InputError(
      `catalogInfoPath "${file}" must stay inside the workspace`,
    );
  }
  const text = await fs.readFile(resolved, 'utf8').catch(() => {
    throw new InputError(
      `${file} is missing from the workspace: the skeleton must contain it (see templates/new-microservice/skeleton/common).`,
    );
  });
  const entity = parse(text) as Entity;
  if (!entity?.kind || !entity?.metadata?.name) {
    throw new InputError(
      `${file} is not a catalog entity (no kind or metadata.name)`,
    );
  }
  return entity;
}

export function createCatalogRegisterAction(services: GoldenPathServices) {
  const { catalog } = services;
  return createTemplateAction({
    id: 'golden-path:catalog:register',
    description:
      'Registers catalog-info.yaml of the new repository in the catalog and waits until the entity is there.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoUrl: z =>
          z
            .string({
              description: 'URL of catalog-info.yaml in the new repository',
            })
            .url(),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'Path of the same file in the workspace (default catalog-info.yaml)',
            })
            .optional(),
        timeoutSeconds: z =>
          z
            .number({
              description:
                'How long to wait for the catalog (default 60, at most 300)',
            })
            .min(1)
            .max(300)
            .optional(),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const { catalogInfoUrl } = ctx.input;
      const entity = await readWorkspaceEntity(
        ctx.workspacePath,
        ctx.input.catalogInfoPath ?? 'catalog-info.yaml',
      );
      const entityRef = stringifyEntityRef(entity);
      const credentials = await ctx.getInitiatorCredentials();
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', catalogInfoUrl);

      if (ctx.isDryRun) {
        const validation = await catalog.validateEntity(
          entity,
          `url:${catalogInfoUrl}`,
          { credentials },
        );
        if (!validation.valid) {
          throw new InputError(
            `catalog-info.yaml would be rejected by the catalog: ${validation.errors
              .map(e => e.message)
              .join('; ')}`,
          );
        }
        ctx.logger.info(`Would register ${catalogInfoUrl} as ${entityRef}`);
        return;
      }

      await ctx.checkpoint({
        key: `catalog.location.${catalogInfoUrl}`,
        fn: async () => {
          try {
            await catalog.addLocation(
              { type: 'url', target: catalogInfoUrl },
              { credentials },
            );
          } catch (error) {
            // Registered by an earlier attempt of this task.
            if ((error as Error)?.name !== 'ConflictError') throw error;
          }
        },
      });
      ctx.logger.info(`Registered ${catalogInfoUrl}; waiting for ${entityRef}`);

      const deadline = Date.now() + (ctx.input.timeoutSeconds ?? 60) * 1000;
      for (;;) {
        const found = await catalog.getEntityByRef(entityRef, { credentials });
        if (found) break;
        if (Date.now() > deadline) {
          throw new ServiceUnavailableError(
            `The catalog has not ingested ${entityRef} from ${catalogInfoUrl} after ${
              ctx.input.timeoutSeconds ?? 60
            } s: ` +
              'open the location in the catalog (Register existing component) to see its processing errors, then retry the task.',
          );
        }
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
      }
      ctx.logger.info(`${entityRef} is in the catalog`);
    },
  });
}
