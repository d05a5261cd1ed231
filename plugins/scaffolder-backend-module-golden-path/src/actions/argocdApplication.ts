// golden-path:argocd:application: the Argo CD Application that deploys the service's k8s/ folder
// into its namespace, committed to the GitOps repository or applied to the cluster.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import { argoApplicationManifest } from '../manifests/argoApplication';
import { ownerName, serviceNames } from '../manifests/serviceNames';
import { auditSideEffect } from '../audit/auditSideEffect';
import { initiatorRef } from './authorizeGoldenPath';
import {
  environmentField,
  gitRefField,
  httpUrlField,
  ownerField,
  ownerRef,
  parseActionInput,
  repoPathField,
  serviceNameField,
} from './inputValidation';
import { z as zod } from 'zod';
import { applicationPath } from '../gitops/gitopsLayout';
import { environmentConfig } from './environment';
import { GoldenPathServices } from './GoldenPathServices';
import { environmentInput, ownerInput, serviceNameInput } from './inputSchemas';
import { examples } from './argocdApplication.examples';

export function createArgoApplicationAction(services: GoldenPathServices) {
  const { config, delivery, repositories, auditor } = services;
  return createTemplateAction({
    id: 'golden-path:argocd:application',
    description:
      'Creates the Argo CD Application of a service: committed to the GitOps repository (gitops mode) or applied to the cluster (kubernetes mode).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: serviceNameInput,
        owner: ownerInput,
        environment: environmentInput,
        repoUrl: z =>
          z.string({ description: 'Clone URL of the service repository' }),
        path: z =>
          z
            .string({ description: 'Folder with the manifests (default k8s)' })
            .optional(),
        revision: z =>
          z
            .string({ description: 'Branch, tag or commit (default main)' })
            .optional(),
      },
      output: {
        applicationName: z => z.string(),
        namespace: z => z.string(),
        url: z =>
          z.string({
            description:
              'Argo CD UI page, or the manifest in the GitOps repository',
          }),
        location: z =>
          z.string({
            description: 'GitOps file path, or cluster/namespace/kind/name',
          }),
        action: z => z.string({ description: 'created, updated or unchanged' }),
        manifest: z => z.string({ description: 'The Application as YAML' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        'golden-path:argocd:application',
        {
          name: serviceNameField,
          owner: ownerField,
          environment: environmentField,
          repoUrl: zod.string({ error: 'send the clone URL of the service' }),
          path: repoPathField.optional(),
          revision: gitRefField.optional(),
        },
        ctx.input,
      );
      const { name, environment } = input;
      const owner = ownerRef(input.owner);
      const env = environmentConfig(config, environment);
      // The service's own repository (file:// in tests), or another http(s) git URL.
      const { cloneUrl } = repositories.urls({
        owner: repositories.ownerFor(ownerName(owner)),
        name,
      });
      if (
        input.repoUrl !== cloneUrl &&
        !httpUrlField.safeParse(input.repoUrl).success
      ) {
        throw new InputError(
          `Invalid input to golden-path:argocd:application: repoUrl: send an http(s) clone URL, e.g. ${cloneUrl} (the repository step's cloneUrl output)`,
        );
      }
      const manifest = argoApplicationManifest(config, env, {
        name,
        environment,
        owner,
        repoUrl: input.repoUrl,
        path: input.path ?? 'k8s',
        revision: input.revision ?? 'main',
        taskId: ctx.task.id,
      });
      const location =
        delivery.mode === 'gitops'
          ? applicationPath(environment, name)
          : `${env.cluster}/${manifest.metadata.namespace}/Application/${manifest.metadata.name}`;
      const deliver = () =>
        delivery.deliver(
          [
            {
              path: applicationPath(environment, name),
              cluster: env.cluster,
              manifest,
            },
          ],
          {
            dryRun: Boolean(ctx.isDryRun),
            taskId: ctx.task.id,
            workDir: ctx.workspacePath,
            message: `Add the Argo CD application ${manifest.metadata.name}`,
            signal: ctx.signal,
          },
        );
      const audited = async () =>
        auditSideEffect(
          {
            auditor,
            eventId: 'application-write',
            actor: await initiatorRef(ctx),
            taskId: ctx.task.id,
            meta: {
              entityRef: `component:default/${name}`,
              application: manifest.metadata.name,
              mode: delivery.mode,
              location,
              cluster: env.cluster,
            },
          },
          deliver,
          ([r]) => ({ result: r.action }),
        );
      const [result] = ctx.isDryRun
        ? await deliver()
        : await ctx.checkpoint({
            key: `argocd.${delivery.mode}.${manifest.metadata.name}`,
            fn: async () => JSON.parse(JSON.stringify(await audited())),
          });
      ctx.logger.info(
        `${ctx.isDryRun ? 'Would deliver' : 'Delivered'} Application ${
          manifest.metadata.name
        } (${delivery.mode}, ${result.action}) at ${result.location}:\n${
          result.yaml
        }`,
      );
      const { namespace, applicationName } = serviceNames(name, environment);
      ctx.output('applicationName', applicationName);
      ctx.output('namespace', namespace);
      ctx.output(
        'url',
        config.argocd.url
          ? `${config.argocd.url}/applications/${config.argocd.namespace}/${applicationName}`
          : result.url ?? result.location,
      );
      ctx.output('location', result.location);
      ctx.output('action', result.action);
      ctx.output('manifest', result.yaml);
    },
  });
}
