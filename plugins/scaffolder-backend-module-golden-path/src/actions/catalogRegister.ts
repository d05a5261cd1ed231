// golden-path:catalog:register: registers the new component's catalog-info.yaml and waits
// (bounded) until the catalog has ingested it, so "Open in catalog" works when the task ends.
// Registration runs with the golden path's own service credentials (people may not create catalog
// locations), so this action first checks that the task's user may create a service for the
// entity's owner, and that the location is the service's own repository.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef, Entity } from '@backstage/catalog-model';
import {
  InputError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { GoldenPathServices } from './GoldenPathServices';
import { examples } from './catalogRegister.examples';
import { auditSideEffect } from '../audit/auditSideEffect';
import { ownerName } from '../manifests/serviceNames';
import { authorizeServiceCreate, initiatorRef } from './authorizeGoldenPath';
import { gitRefField, ownerRef, parseActionInput } from './inputValidation';
import { z as zod } from 'zod';

const POLL_MS = 500;
/**
 * How long the entity may be missing before the location is refreshed (at once on a resumed
 * task). A replica that dies while its catalog processes the new location keeps its claim on it
 * for the catalog's processing interval (minutes); a refresh lets any replica process it now.
 */
const REFRESH_AFTER_MS = 10_000;

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

/**
 * The catalog's "location already exists": a ConflictError in process, and over HTTP (the catalog
 * client since Backstage 1.57) a ResponseError for the 409.
 */
function isConflict(error: unknown): boolean {
  if ((error as Error)?.name === 'ConflictError') return true;
  return ResponseError.is(error) && error.response.status === 409;
}

export function createCatalogRegisterAction(services: GoldenPathServices) {
  const { catalog, auth, auditor, repositories } = services;
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
        branch: z =>
          z
            .string({
              description:
                'Branch the file is on (default main, as in the repository step)',
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
      const input = parseActionInput(
        'golden-path:catalog:register',
        {
          catalogInfoUrl: zod.string({
            error: 'send the URL of catalog-info.yaml in the new repository',
          }),
          catalogInfoPath: zod
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}\.ya?ml$/, {
              error:
                'send the path of a .yaml file in the workspace, e.g. catalog-info.yaml',
            })
            .optional(),
          branch: gitRefField.optional(),
          timeoutSeconds: zod.number().min(1).max(300).optional(),
        },
        ctx.input,
      );
      const { catalogInfoUrl } = input;
      const catalogInfoPath = input.catalogInfoPath ?? 'catalog-info.yaml';
      const entity = await readWorkspaceEntity(
        ctx.workspacePath,
        catalogInfoPath,
      );
      const entityRef = stringifyEntityRef(entity);
      if (!entityRef.startsWith('component:default/')) {
        throw new InputError(
          `${catalogInfoPath} describes ${entityRef}: the golden path registers one Component in namespace default`,
        );
      }
      const owner = ownerRef(String(entity.spec?.owner ?? ''));
      await authorizeServiceCreate(services, ctx, owner);
      const expectedUrl = repositories
        .urls({
          owner: repositories.ownerFor(ownerName(owner)),
          name: entity.metadata.name,
        })
        .fileUrl(input.branch ?? 'main', catalogInfoPath);
      if (catalogInfoUrl !== expectedUrl) {
        throw new InputError(
          `Invalid input to golden-path:catalog:register: catalogInfoUrl: send ${expectedUrl}, the file in ${entity.metadata.name}'s own repository (the repository step's catalogInfoUrl output)`,
        );
      }
      const credentials = await auth.getOwnServiceCredentials();
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

      // Registered now by this attempt; otherwise an earlier attempt did (this is a resumed task,
      // and the replica that registered it may have died while its catalog processed it).
      let registeredNow = false;
      const locationRef = `location:default/${locationSpecToMetadataName({
        type: 'url',
        target: catalogInfoUrl,
      })}`;
      await ctx.checkpoint({
        key: `catalog.location.${catalogInfoUrl}`,
        fn: async () =>
          auditSideEffect(
            {
              auditor,
              eventId: 'catalog-register',
              actor: await initiatorRef(ctx),
              taskId: ctx.task.id,
              meta: { entityRef, location: `url:${catalogInfoUrl}` },
            },
            async () => {
              const add = () =>
                catalog.addLocation(
                  { type: 'url', target: catalogInfoUrl },
                  { credentials },
                );
              try {
                await add();
                registeredNow = true;
                return 'registered';
              } catch (error) {
                // Registered by an earlier attempt of this task.
                if (!isConflict(error)) throw error;
              }
              // A replica killed inside the catalog's POST /locations can leave the location
              // stored without its entity, which no replica adds until one restarts: the
              // entity would never come. Such a location is this task's own (the preflight
              // checked the URL was free), so it is registered again.
              if (await catalog.getEntityByRef(locationRef, { credentials }))
                return 'already-registered';
              const orphan = await catalog.getLocationByRef(
                `url:${catalogInfoUrl}`,
                { credentials },
              );
              if (orphan)
                await catalog.removeLocationById(orphan.id, { credentials });
              await add();
              registeredNow = true;
              return 're-registered';
            },
            result => ({ result }),
          ).then(() => undefined),
      });
      ctx.logger.info(`Registered ${catalogInfoUrl}; waiting for ${entityRef}`);

      const deadline = Date.now() + (input.timeoutSeconds ?? 60) * 1000;
      let refreshAt = registeredNow
        ? Date.now() + REFRESH_AFTER_MS
        : Date.now();
      for (;;) {
        const found = await catalog.getEntityByRef(entityRef, { credentials });
        if (found) break;
        if (Date.now() >= refreshAt) {
          refreshAt = Date.now() + REFRESH_AFTER_MS;
          ctx.logger.info(
            `${entityRef} is not in the catalog yet; asking it to process ${locationRef} now`,
          );
          // The component's own row may be the one held (a refresh also takes its location),
          // or may not exist yet (then the location's refresh is what helps). A refresh that
          // fails changes nothing: the wait goes on, and its deadline's error says where to look.
          for (const ref of [entityRef, locationRef]) {
            await catalog
              .refreshEntity(ref, { credentials })
              .catch(() => undefined);
          }
        }
        if (Date.now() > deadline) {
          throw new ServiceUnavailableError(
            `The catalog has not ingested ${entityRef} from ${catalogInfoUrl} after ${
              input.timeoutSeconds ?? 60
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
