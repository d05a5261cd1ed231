// golden-path:repository:publish: creates the service's repository on the configured host and
// pushes the rendered skeleton as its first commit. Retry-safe: creation and push are
// checkpointed, and the host recognises a repository this task made. Both run with the golden
// path's own credentials (RepositoryHost), after the preflight authorized the task's user.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ConflictError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { ownerName } from '../manifests/serviceNames';
import { auditSideEffect } from '../audit/auditSideEffect';
import { initiatorRef } from './authorizeGoldenPath';
import {
  descriptionField,
  gitRefField,
  ownerField,
  ownerRef,
  parseActionInput,
  serviceNameField,
} from './inputValidation';
import { pushNewRepository, remoteBranchCommit } from '../scm/gitCli';
import { GoldenPathServices } from './GoldenPathServices';
import { ownerInput, serviceNameInput } from './inputSchemas';
import { examples } from './repository.examples';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      files.push(...(await listFiles(`${dir}/${entry.name}`, rel)));
    else files.push(rel);
  }
  return files.sort();
}

export function createRepositoryAction(services: GoldenPathServices) {
  const { repositories, auditor } = services;
  return createTemplateAction({
    id: 'golden-path:repository:publish',
    description:
      "Creates the service's git repository on the configured SCM (the embedded git host, GitHub, GitLab or Gitea) and pushes the workspace as its first commit.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: serviceNameInput,
        owner: ownerInput,
        description: z =>
          z.string({ description: 'Repository description' }).optional(),
        defaultBranch: z =>
          z
            .string({ description: 'Branch to create (default main)' })
            .regex(/^[A-Za-z0-9._/-]+$/)
            .optional(),
      },
      output: {
        remoteUrl: z => z.string({ description: 'Web page of the repository' }),
        cloneUrl: z => z.string({ description: 'What git clone takes' }),
        catalogInfoUrl: z =>
          z.string({
            description: 'URL of catalog-info.yaml on the default branch',
          }),
        commit: z => z.string({ description: 'The first commit' }),
        files: z => z.array(z.string()).describe('Files in the first commit'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        'golden-path:repository:publish',
        {
          name: serviceNameField,
          owner: ownerField,
          description: descriptionField.optional(),
          defaultBranch: gitRefField.optional(),
        },
        ctx.input,
      );
      const { name, description = '' } = input;
      const branch = input.defaultBranch ?? 'main';
      const owner = ownerRef(input.owner);
      const repo = {
        owner: repositories.ownerFor(ownerName(owner)),
        name,
      };
      const audit = {
        auditor,
        actor: await initiatorRef(ctx),
        taskId: ctx.task.id,
      };
      const auditMeta = {
        entityRef: `component:default/${name}`,
        repository: `${repo.owner}/${name}`,
        host: repositories.title,
      };
      const urls = repositories.urls(repo);
      const files = await listFiles(ctx.workspacePath);
      ctx.output('remoteUrl', urls.webUrl);
      ctx.output('cloneUrl', urls.cloneUrl);
      ctx.output('catalogInfoUrl', urls.fileUrl(branch, 'catalog-info.yaml'));
      ctx.output('files', files);

      if (ctx.isDryRun) {
        const existing = await repositories.find(repo);
        if (existing) {
          throw new ConflictError(
            `A repository named ${repo.owner}/${name} already exists on ${repositories.title} (${urls.cloneUrl}); choose another service name.`,
          );
        }
        ctx.logger.info(
          `Would create ${urls.cloneUrl} with ${
            files.length
          } files: ${files.join(', ')}`,
        );
        ctx.output('commit', '(dry run)');
        return;
      }

      const { created } = await ctx.checkpoint({
        key: `repository.create.${repo.owner}.${name}`,
        fn: () =>
          auditSideEffect(
            { ...audit, eventId: 'repository-create', meta: auditMeta },
            () =>
              repositories.create({ ...repo, description, claim: ctx.task.id }),
            r => ({ result: r.created ? 'created' : 'reused' }),
          ),
      });
      ctx.logger.info(
        created
          ? `Created ${urls.cloneUrl} on ${repositories.title}`
          : `Reusing ${urls.cloneUrl}, created by an earlier attempt of this task`,
      );

      const commit = await ctx.checkpoint({
        key: `repository.push.${repo.owner}.${name}`,
        fn: () =>
          auditSideEffect(
            {
              ...audit,
              eventId: 'repository-push',
              meta: { ...auditMeta, branch },
            },
            async () => {
              const authorization = await repositories.gitAuthorization();
              const gitDir = await ctx.createTemporaryDirectory();
              const pushed = await remoteBranchCommit({
                cwd: gitDir,
                remoteUrl: urls.cloneUrl,
                branch,
                authorization,
                signal: ctx.signal,
              });
              // Pushed by an earlier attempt of this task, which stopped before its checkpoint.
              if (pushed) return { commit: pushed, reused: true };
              const first = await pushNewRepository({
                dir: ctx.workspacePath,
                gitDir,
                remoteUrl: urls.cloneUrl,
                branch,
                message: `Create ${name} from the Paved golden path`,
                authorization,
                signal: ctx.signal,
              });
              return { commit: first, reused: false };
            },
            r => ({ result: r.reused ? 'reused' : 'pushed', commit: r.commit }),
          ).then(r => r.commit),
      });
      // Outside the checkpoint, so that a retry waits again: the next step (catalog registration)
      // reads catalog-info.yaml through the host's API.
      await repositories.waitForBranch?.(repo, branch, commit, ctx.signal);
      ctx.logger.info(
        `Pushed ${files.length} files to ${branch} (${commit.slice(0, 8)})`,
      );
      ctx.output('commit', commit);
    },
  });
}
