// Which successful deploys still lack the commit times of what they brought, and recording them.
// An empty list means "asked, nothing to count" (e.g. a repository no configured SCM serves), so a
// deploy is asked about once.
import { Knex } from 'knex';

export interface DeployNeedingCommits {
  id: number;
  repoUrl: string;
  revision: string;
  /** The revision the Application ran before this deploy, when known. */
  previousRevision?: string;
}

const TABLE = 'adoption_deploys';

export class CommitTimeStore {
  constructor(private readonly db: Knex) {}

  async pending(limit: number): Promise<DeployNeedingCommits[]> {
    const rows = await this.db(TABLE)
      .where({ outcome: 'succeeded' })
      .whereNull('commit_times')
      .whereNotNull('repo_url')
      .orderBy('at')
      .limit(limit);
    const found: DeployNeedingCommits[] = [];
    for (const r of rows) {
      const previous = await this.db(TABLE)
        .where({
          cluster: r.cluster,
          namespace: r.namespace,
          application: r.application,
          outcome: 'succeeded',
        })
        .andWhere('at', '<', r.at)
        .orderBy('at', 'desc')
        .first('revision');
      found.push({
        id: r.id,
        repoUrl: r.repo_url,
        revision: r.revision,
        previousRevision: previous?.revision,
      });
    }
    return found;
  }

  async record(id: number, commitTimes: string[]): Promise<void> {
    await this.db(TABLE)
      .where({ id })
      .update({ commit_times: JSON.stringify(commitTimes) });
  }
}
