// State that would live on one replica's disk, refused in production. Several replicas share one
// PostgreSQL; anything a replica keeps on its own disk is invisible to the others and lost with
// the pod. The golden path's SCM is checked where it is read (the golden-path module refuses
// the embedded git host in production), and the git host itself is off there; this covers the
// stock plugins: the database, TechDocs' publisher and the scaffolder's task workspaces.
import { Config } from '@backstage/config';
import { runsInProduction } from '@internal/plugin-paved-node';

const SQLITE_CLIENTS = ['better-sqlite3', 'sqlite3'];

/** Each problem says what is wrong and what to configure instead; empty outside production. */
export function productionStateProblems(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (!runsInProduction(config, env)) return [];
  const problems: string[] = [];

  const client = config.getOptionalString('backend.database.client');
  if (!client || SQLITE_CLIENTS.includes(client)) {
    problems.push(
      `backend.database.client is ${
        client ?? 'unset'
      }: SQLite keeps every plugin's data in ` +
        "files on this replica's disk. Set backend.database.client: pg and its connection " +
        '(app-config.production.yaml reads POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD).',
    );
  }

  const publisher = config.getOptionalString('techdocs.publisher.type');
  const publishDirectory = config.getOptionalString(
    'techdocs.publisher.local.publishDirectory',
  );
  if ((publisher ?? 'local') === 'local' && !publishDirectory) {
    problems.push(
      `techdocs.publisher.type is ${publisher ?? 'unset (local)'} with no ` +
        'techdocs.publisher.local.publishDirectory: TechDocs would keep the docs inside this ' +
        "replica's node_modules. Set techdocs.publisher.type to awsS3, googleGcs, " +
        'azureBlobStorage or openStackSwift (app-config.production.yaml uses awsS3 with ' +
        'TECHDOCS_S3_BUCKET), or mount a volume every replica shares (ReadWriteMany) and set ' +
        'techdocs.publisher.local.publishDirectory to it.',
    );
  }

  if (config.getOptionalBoolean('scaffolder.taskRecovery.enabled') !== true) {
    problems.push(
      "scaffolder.taskRecovery.enabled is not true: a task's workspace lives on the replica " +
        'that runs it, so when that replica dies the task stays "processing" for good. Set ' +
        'scaffolder.taskRecovery.enabled: true (app-config.yaml does), so another replica ' +
        'takes it over and resumes it (the templates declare EXPERIMENTAL_recovery startOver).',
    );
  }
  if (
    config.getOptionalBoolean('scaffolder.taskRecovery.enabled') === true &&
    !config.getOptionalString('scaffolder.taskRecovery.workspaceProvider')
  ) {
    problems.push(
      'scaffolder.taskRecovery.workspaceProvider is not set: a task resumed on another ' +
        'replica skips the steps that completed and finds an empty workspace, so its later ' +
        'steps fail (catalog-info.yaml missing). Set it to database (app-config.yaml does; ' +
        'the @backstage/plugin-scaffolder-backend-module-workspace-database module, with ' +
        'scaffolder.taskRecovery.database.dangerouslyEnableInProduction: true as ' +
        'app-config.production.yaml sets) or to a bucket provider you install.',
    );
  }
  return problems;
}

/** Throws with every problem, for the start-up guard. */
export function assertNoLocalStateInProduction(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const problems = productionStateProblems(config, env);
  if (problems.length === 0) return;
  throw new Error(
    `This backend runs in production, where several replicas share one database and no disk; fix the configuration:\n${problems
      .map(problem => `- ${problem}`)
      .join('\n')}`,
  );
}
