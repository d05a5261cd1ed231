// One pass of every adoption collector, as the scheduler runs it (on one replica at a time: the
// scheduler's lock is in the database). It ends with one info line saying what the pass found, so
// an operator can see when a pass ran, on which replica, and what it added.
import { collectArgoHistory } from './argoHistoryCollector';
import { snapshotCatalog } from './catalogSnapshotCollector';
import { collectClaims } from './claimCollector';
import { collectCommitTimes } from './commitTimeCollector';
import { collectTemplateRuns } from './templateRunCollector';

export type CollectionPassDeps = Parameters<typeof snapshotCatalog>[0] &
  Parameters<typeof collectArgoHistory>[0] &
  Parameters<typeof collectTemplateRuns>[0] &
  Parameters<typeof collectClaims>[0] &
  Parameters<typeof collectCommitTimes>[0];

/** The line every pass ends with; the message starts with this. */
export const PASS_DONE = 'Adoption metrics pass done';

export async function runCollectionPass(pass: CollectionPassDeps) {
  const started = Date.now();
  const services = await snapshotCatalog(pass).catch(error => {
    pass.logger.warn(`Catalog snapshot failed: ${error}`);
    return undefined;
  });
  // Each source records its own failure; one failing leaves the others running.
  const deploys = await collectArgoHistory(pass);
  const runs = await collectTemplateRuns(pass);
  const claims = await collectClaims(pass);
  const commits = await collectCommitTimes(pass);
  const failed = deploys.errors.length + claims.errors.length;
  pass.logger.info(
    `${PASS_DONE} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${
      services === undefined
        ? 'no catalog snapshot'
        : `${services} services snapshotted`
    }, ${deploys.added} new deploys, ${runs.seen} template runs, ${
      claims.seen
    } claims, ${commits.recorded} commit times${
      failed ? ` (${failed} cluster errors, warned above)` : ''
    }`,
  );
  return { services, deploys, runs, claims, commits };
}
