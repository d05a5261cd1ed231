// Lead time needs the commit times of what each deploy brought: for a deploy from a repository of
// Paved's git host, its `from..to` commits (from the revision the Application ran before). Other
// SCMs are not asked yet: their deploys get an empty list, and the lead-time tile counts commits,
// so the coverage shows. A git host that does not answer is retried next pass.
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Deadlines, fetchWithDeadline } from '@internal/plugin-paved-node';
import { AdoptionStore } from '../store/AdoptionStore';
import { DeployNeedingCommits } from '../store/CommitTimeStore';

export const COMMIT_TIME_COLLECTOR = 'commit-times';
const PER_PASS = 200;

/** `<git-host base>/<owner>/<name>.git` -> owner and name, for either base URL of the git host. */
export function gitHostRepository(
  repoUrl: string,
  bases: string[],
): { owner: string; name: string } | undefined {
  for (const base of bases) {
    const prefix = `${base.replace(/\/$/, '')}/`;
    if (!repoUrl.startsWith(prefix)) continue;
    const match = /^([^/]+)\/([^/]+)\.git$/.exec(repoUrl.slice(prefix.length));
    if (match) return { owner: match[1], name: match[2] };
  }
  return undefined;
}

export async function collectCommitTimes(
  deps: Deadlines & {
    discovery: DiscoveryService;
    auth: AuthService;
    store: AdoptionStore;
  },
): Promise<{ recorded: number }> {
  let recorded = 0;
  try {
    const pending = await deps.store.commitTimes.pending(PER_PASS);
    if (!pending.length) {
      await deps.store.recordRun(COMMIT_TIME_COLLECTOR);
      return { recorded };
    }
    const internal = await deps.discovery.getBaseUrl('git-host');
    const external = await deps.discovery.getExternalBaseUrl('git-host');
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: await deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'git-host',
    });
    const commitsOf = async (deploy: DeployNeedingCommits) => {
      const repo = gitHostRepository(deploy.repoUrl, [internal, external]);
      if (!repo) return [];
      const query = new URLSearchParams({
        to: deploy.revision,
        ...(deploy.previousRevision ? { from: deploy.previousRevision } : {}),
      });
      const res = await fetchWithDeadline(
        `${internal}/repositories/${encodeURIComponent(
          repo.owner,
        )}/${encodeURIComponent(repo.name)}/commits?${query}`,
        {
          headers: { Authorization: `Bearer ${token}` },
          signal: deps.signal,
          timeoutMs: deps.timeoutMs,
        },
      );
      // A revision the repository does not have (rewritten history): nothing to count.
      if (res.status === 404) return [];
      if (!res.ok) throw await ResponseError.fromResponse(res);
      const { commits } = (await res.json()) as {
        commits: { committedAt: string }[];
      };
      return commits.map(c => c.committedAt);
    };
    for (const deploy of pending) {
      deps.signal?.throwIfAborted();
      await deps.store.commitTimes.record(deploy.id, await commitsOf(deploy));
      recorded++;
    }
    await deps.store.recordRun(COMMIT_TIME_COLLECTOR);
  } catch (error) {
    await deps.store.recordRun(
      COMMIT_TIME_COLLECTOR,
      `Could not read commit times from the git host: ${
        (error as Error).message ?? error
      }`,
    );
  }
  return { recorded };
}
