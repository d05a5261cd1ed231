// Reads `paved.goldenPath` once, at start-up, into a typed and validated shape. A mistake in the
// platform team's configuration stops the backend with the key and the fix, rather than failing
// a developer's task later.
import { Config } from '@backstage/config';
import {
  describeProductionSignals,
  runsInProduction,
} from '@internal/plugin-paved-node';
import { z } from 'zod';

const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const tierSchema = z.object({
  maxStorageGB: z.number().int().positive(),
  requiresApproval: z.boolean().default(false),
  description: z.string().optional(),
});

const offeringSchema = z.object({
  title: z.string().min(1),
  apiVersion: z.string().regex(/^[a-z0-9.-]+\/v[0-9a-z]+$/, {
    message: 'must look like group/version, e.g. platform.paved.dev/v1alpha1',
  }),
  kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  nameSuffix: z.string().regex(NAME).default('db'),
  regions: z.array(z.string().min(1)).min(1),
  minStorageGB: z.number().int().positive(),
  tiers: z
    .record(z.string().regex(NAME), tierSchema)
    .refine(tiers => Object.keys(tiers).length > 0, 'needs at least one tier'),
  approvalOptions: z.array(z.string()).default([]),
  compositionSelector: z.record(z.string(), z.string()).default({}),
  approvalContact: z.string().min(1),
});

const environmentSchema = z.object({
  cluster: z.string().min(1),
  destinationServer: z.url().optional(),
  autoSync: z.boolean().default(false),
});

const goldenPathSchema = z.object({
  scm: z
    .object({
      provider: z
        .enum(['embedded', 'github', 'gitlab', 'gitea'])
        .default('embedded'),
      host: z.string().optional(),
      organization: z.string().regex(NAME).optional(),
    })
    .default({ provider: 'embedded' })
    .refine(
      scm => scm.provider === 'embedded' || (scm.host && scm.organization),
      {
        message: 'github, gitlab and gitea need both host and organization',
      },
    ),
  delivery: z
    .object({
      mode: z.enum(['gitops', 'kubernetes']).default('gitops'),
      gitopsRepository: z.string().regex(NAME).default('gitops'),
      gitopsOwner: z.string().regex(NAME).default('platform'),
      gitopsBranch: z
        .string()
        .regex(/^[A-Za-z0-9._/-]+$/)
        .default('main'),
    })
    .default({
      mode: 'gitops',
      gitopsRepository: 'gitops',
      gitopsOwner: 'platform',
      gitopsBranch: 'main',
    }),
  argocd: z
    .object({
      namespace: z.string().regex(NAME).default('argocd'),
      project: z.string().regex(NAME).default('default'),
      url: z.url().optional(),
      refreshOnPush: z.boolean().default(false),
    })
    .default({ namespace: 'argocd', project: 'default', refreshOnPush: false }),
  environments: z
    .record(z.string().regex(NAME), environmentSchema)
    .refine(
      envs => Object.keys(envs).length > 0,
      'needs at least one environment',
    ),
  offerings: z.record(z.string().regex(NAME), offeringSchema).default({}),
});

export type GoldenPathConfig = z.infer<typeof goldenPathSchema>;
export type Offering = GoldenPathConfig['offerings'][string];
export type EnvironmentConfig = GoldenPathConfig['environments'][string];
export type DeliveryMode = GoldenPathConfig['delivery']['mode'];

/** Reads and checks `paved.goldenPath`; throws naming the first wrong key and what it needs. */
export function readGoldenPathConfig(config: Config): GoldenPathConfig {
  const raw = config.getOptional('paved.goldenPath');
  if (raw === undefined) {
    throw new Error(
      'paved.goldenPath is missing from the app config: add at least paved.goldenPath.environments ' +
        '(see plugins/scaffolder-backend-module-golden-path/README.md)',
    );
  }
  const parsed = goldenPathSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue =>
        `paved.goldenPath.${issue.path.map(String).join('.')}: ${
          issue.message
        }`,
    );
    throw new Error(
      `The golden path's configuration is invalid; fix it in app-config: ${problems.join(
        '; ',
      )}`,
    );
  }
  refuseEmbeddedInProduction(config, parsed.data);
  return parsed.data;
}

/**
 * The embedded git host keeps repositories on the disk of the replica that made them: another
 * replica cannot see them, and they go with the pod. Production names a real SCM or does not
 * start.
 */
function refuseEmbeddedInProduction(
  config: Config,
  goldenPath: GoldenPathConfig,
): void {
  if (goldenPath.scm.provider !== 'embedded' || !runsInProduction(config))
    return;
  const scmSet = config.has('paved.goldenPath.scm.provider');
  throw new Error(
    `paved.goldenPath.scm.provider is embedded${
      scmSet ? '' : ' (the default: paved.goldenPath.scm is not set)'
    }, but this backend runs in production (${describeProductionSignals(
      config,
    )}). The embedded git host keeps repositories on this replica's disk, where other replicas ` +
      'cannot see them and a new pod loses them. Set paved.goldenPath.scm to the SCM that holds ' +
      'new repositories and the GitOps repository: provider github, gitlab or gitea, with host and ' +
      'organization, and an integrations.<provider> entry with credentials for that host ' +
      '(app-config.production.yaml configures GitHub from PAVED_GITHUB_ORG and GITHUB_TOKEN).',
  );
}
