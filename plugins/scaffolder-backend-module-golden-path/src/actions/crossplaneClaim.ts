// golden-path:crossplane:claim: the infrastructure a developer asked for, as a Crossplane claim in
// the service's namespace, after the platform team's guardrails allowed it.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { claimManifest, claimRef } from '../manifests/claim';
import { serviceNames } from '../manifests/serviceNames';
import { auditSideEffect } from '../audit/auditSideEffect';
import { initiatorRef } from './authorizeGoldenPath';
import {
  databaseField,
  environmentField,
  ownerField,
  ownerRef,
  parseActionInput,
  serviceNameField,
} from './inputValidation';
import { claimPath } from '../gitops/gitopsLayout';
import { databaseRequest } from './databaseRequest';
import { environmentConfig } from './environment';
import { GoldenPathServices } from './GoldenPathServices';
import {
  databaseInput,
  environmentInput,
  ownerInput,
  serviceNameInput,
} from './inputSchemas';
import { examples } from './crossplaneClaim.examples';

export function createCrossplaneClaimAction(services: GoldenPathServices) {
  const { config, delivery, auditor } = services;
  return createTemplateAction({
    id: 'golden-path:crossplane:claim',
    description:
      "Creates a Crossplane claim (e.g. a PostgreSQLInstance) in the service's namespace from an offering of paved.goldenPath.offerings, inside its guardrails.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: serviceNameInput,
        owner: ownerInput,
        environment: environmentInput,
        database: databaseInput,
      },
      output: {
        claimRef: z =>
          z.string({
            description:
              'Kind/namespace/name, empty when no claim was asked for',
          }),
        claimName: z => z.string(),
        namespace: z => z.string(),
        connectionSecret: z =>
          z.string({ description: 'Secret with the connection details' }),
        url: z =>
          z.string({
            description:
              'The manifest in the GitOps repository, or its location',
          }),
        manifest: z => z.string({ description: 'The claim as YAML' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        'golden-path:crossplane:claim',
        {
          name: serviceNameField,
          owner: ownerField,
          environment: environmentField,
          database: databaseField,
        },
        ctx.input,
      );
      const { name, environment } = input;
      const owner = ownerRef(input.owner);
      const env = environmentConfig(config, environment);
      const request = databaseRequest(config, input.database);
      const { namespace } = serviceNames(name, environment);
      if (!request) {
        ctx.logger.info('No database asked for: nothing to create');
        ctx.output('claimRef', '');
        return;
      }
      const claim = claimManifest(request, {
        serviceName: name,
        environment,
        namespace,
        owner,
        taskId: ctx.task.id,
      });
      const namespaceManifest = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          labels: {
            'backstage.io/kubernetes-id': name,
            'paved.dev/environment': environment,
          },
          annotations: {
            'paved.dev/owner': owner,
            'paved.dev/scaffolder-task': ctx.task.id,
          },
        },
      };
      const deliver = () =>
        delivery.deliver(
          [
            {
              path: claimPath(environment, name, 'Namespace', namespace),
              cluster: env.cluster,
              manifest: namespaceManifest,
            },
            {
              path: claimPath(
                environment,
                name,
                claim.kind,
                claim.metadata.name,
              ),
              cluster: env.cluster,
              manifest: claim,
            },
          ],
          {
            dryRun: Boolean(ctx.isDryRun),
            taskId: ctx.task.id,
            workDir: ctx.workspacePath,
            message: `Add ${claim.kind} ${namespace}/${claim.metadata.name} (${request.tier}, ${request.storageGB} GB)`,
            signal: ctx.signal,
          },
        );
      const audited = async () =>
        auditSideEffect(
          {
            auditor,
            eventId: 'claim-write',
            actor: await initiatorRef(ctx),
            taskId: ctx.task.id,
            meta: {
              entityRef: `component:default/${name}`,
              claim: claimRef(claim),
              mode: delivery.mode,
              location:
                delivery.mode === 'gitops'
                  ? claimPath(
                      environment,
                      name,
                      claim.kind,
                      claim.metadata.name,
                    )
                  : `${env.cluster}/${namespace}/${claim.kind}/${claim.metadata.name}`,
              cluster: env.cluster,
              tier: request.tier,
              storageGB: request.storageGB,
            },
          },
          deliver,
          results => ({ result: results[1].action }),
        );
      const results = ctx.isDryRun
        ? await deliver()
        : await ctx.checkpoint({
            key: `claim.${delivery.mode}.${namespace}.${claim.metadata.name}`,
            fn: async () => JSON.parse(JSON.stringify(await audited())),
          });
      const result = results[1];
      ctx.logger.info(
        `${ctx.isDryRun ? 'Would deliver' : 'Delivered'} ${
          claim.kind
        } ${namespace}/${claim.metadata.name} (${delivery.mode}, ${
          result.action
        }) at ${result.location}:\n${result.yaml}`,
      );
      ctx.output('claimRef', claimRef(claim));
      ctx.output('claimName', claim.metadata.name);
      ctx.output('namespace', namespace);
      ctx.output(
        'connectionSecret',
        claim.spec.writeConnectionSecretToRef.name,
      );
      ctx.output('url', result.url ?? result.location);
      ctx.output('manifest', result.yaml);
    },
  });
}
