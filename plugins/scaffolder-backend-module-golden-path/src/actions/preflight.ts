// golden-path:preflight: the first step of a golden-path template. Checks everything that can be
// checked before anything is created (the name is free in the catalog, the SCM, the GitOps
// repository or the cluster; the owner is a team; the database is inside the guardrails) and
// fixes the values later steps and the catalog entity share, such as the creation time. It is also
// where the task's user is authorized: the later steps write with the golden path's own service
// credentials.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ConflictError, InputError } from '@backstage/errors';
import { argoApplicationManifest } from '../manifests/argoApplication';
import { claimManifest, claimRef } from '../manifests/claim';
import { ownerName, serviceNames } from '../manifests/serviceNames';
import { applicationPath, claimPath } from '../gitops/gitopsLayout';
import { ManifestToDeliver, TASK_ANNOTATION } from '../gitops/ManifestDelivery';
import {
  authorizeComponentChange,
  authorizeServiceCreate,
} from './authorizeGoldenPath';
import { databaseRequest } from './databaseRequest';
import { environmentConfig } from './environment';
import { GoldenPathServices } from './GoldenPathServices';
import {
  databaseInput,
  environmentInput,
  ownerInput,
  serviceNameInput,
} from './inputSchemas';
import { examples } from './preflight.examples';
import {
  databaseField,
  environmentField,
  flagField,
  ownerField,
  ownerRef,
  parseActionInput,
  serviceNameField,
} from './inputValidation';

export function createPreflightAction(services: GoldenPathServices) {
  const { config, catalog, repositories, delivery } = services;
  return createTemplateAction({
    id: 'golden-path:preflight',
    description:
      'Checks a golden-path request before anything is created (name free everywhere, owner is a team, database inside the guardrails) and fixes the shared values (creation time, namespace, claim reference).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: serviceNameInput,
        owner: ownerInput,
        environment: environmentInput,
        database: databaseInput,
        newRepository: z =>
          z
            .boolean({
              description:
                'False when the service already exists (adding infrastructure only)',
            })
            .optional(),
      },
      output: {
        createdAt: z =>
          z.string({
            description: 'ISO time of this task, kept across retries',
          }),
        namespace: z => z.string(),
        applicationName: z => z.string(),
        claimRef: z =>
          z.string({
            description: 'Kind/namespace/name of the claim, or empty',
          }),
        connectionSecret: z =>
          z.string({
            description:
              "Secret with the database's connection details, or empty",
          }),
        repositoryUrl: z =>
          z.string({ description: 'Clone URL the repository will have' }),
        taskId: z =>
          z.string({
            description:
              "This task's id, for the skeleton's paved.dev/scaffolder-task annotation (a retry recognises its own component by it)",
          }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        'golden-path:preflight',
        {
          name: serviceNameField,
          owner: ownerField,
          environment: environmentField,
          database: databaseField,
          newRepository: flagField,
        },
        ctx.input,
      );
      const { name, environment } = input;
      const owner = ownerRef(input.owner);
      const newRepository = input.newRepository ?? true;
      const env = environmentConfig(config, environment);
      const request = databaseRequest(config, input.database);
      const credentials = await ctx.getInitiatorCredentials();

      const team = await catalog.getEntityByRef(owner, { credentials });
      if (!team || team.kind !== 'Group') {
        throw new InputError(
          `Owner "${input.owner}" is not a team in the catalog: pick an existing Group with the Owner field (or ask the platform team to add yours to catalog/).`,
        );
      }
      const componentRef = `component:default/${name}`;
      const component = await catalog.getEntityByRef(componentRef, {
        credentials,
      });
      if (newRepository) {
        await authorizeServiceCreate(services, ctx, owner);
        // This task's own component (registered by an earlier attempt) is a retry, not a clash.
        const ownComponent =
          component?.metadata.annotations?.[TASK_ANNOTATION] === ctx.task.id;
        if (component && !ownComponent) {
          throw new ConflictError(
            `A component named ${name} already exists in the catalog (owned by ${component.spec?.owner}): choose another service name.`,
          );
        }
      } else {
        if (!component) {
          throw new InputError(
            `There is no component named ${name} in the catalog: pick an existing service.`,
          );
        }
        const componentOwner = ownerRef(String(component.spec?.owner ?? ''));
        await authorizeComponentChange(
          services,
          ctx,
          componentRef,
          componentOwner,
        );
        if (componentOwner !== owner) {
          throw new InputError(
            `Invalid input: owner: ${componentRef} belongs to ${componentOwner}, not ${owner}: send its owner.`,
          );
        }
      }

      const repo = { owner: repositories.ownerFor(ownerName(owner)), name };
      const urls = repositories.urls(repo);
      ctx.logger.info(
        `Checking that ${repo.owner}/${name} and its ${delivery.mode} targets are free`,
      );
      if (newRepository) {
        const existing = await repositories.find(repo);
        if (existing && existing.claim !== ctx.task.id) {
          throw new ConflictError(
            `A repository named ${repo.owner}/${name} already exists on ${repositories.title} (${urls.cloneUrl}); choose another service name.`,
          );
        }
      }

      const { namespace, applicationName } = serviceNames(name, environment);
      const manifests: ManifestToDeliver[] = [];
      if (newRepository) {
        manifests.push({
          path: applicationPath(environment, name),
          cluster: env.cluster,
          manifest: argoApplicationManifest(config, env, {
            name,
            environment,
            owner,
            repoUrl: urls.cloneUrl,
            path: 'k8s',
            revision: 'main',
            taskId: ctx.task.id,
          }),
        });
      }
      const claim = request
        ? claimManifest(request, {
            serviceName: name,
            environment,
            namespace,
            owner,
            taskId: ctx.task.id,
          })
        : undefined;
      if (claim) {
        manifests.push({
          path: claimPath(environment, name, claim.kind, claim.metadata.name),
          cluster: env.cluster,
          manifest: claim,
        });
      }
      // The GitOps files or cluster objects must be free (or this task's own, on a retry).
      await delivery.check(manifests, {
        taskId: ctx.task.id,
        workDir: await ctx.createTemporaryDirectory(),
        signal: ctx.signal,
      });
      for (const m of manifests) {
        ctx.logger.info(
          `Will deliver ${m.manifest.kind} ${m.manifest.metadata.name} (${
            delivery.mode
          }: ${delivery.mode === 'gitops' ? m.path : `cluster ${m.cluster}`})`,
        );
      }

      const createdAt = ctx.isDryRun
        ? new Date().toISOString()
        : await ctx.checkpoint({
            key: 'preflight.createdAt',
            fn: async () => new Date().toISOString(),
          });
      ctx.output('createdAt', createdAt);
      ctx.output('namespace', namespace);
      ctx.output('applicationName', applicationName);
      ctx.output('claimRef', claim ? claimRef(claim) : '');
      ctx.output(
        'connectionSecret',
        claim ? claim.spec.writeConnectionSecretToRef.name : '',
      );
      ctx.output('repositoryUrl', urls.cloneUrl);
      ctx.output('taskId', ctx.task.id);
    },
  });
}
