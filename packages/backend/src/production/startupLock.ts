// Replicas start one at a time on one PostgreSQL. Each plugin runs its knex migrations while it
// starts, and two backends starting at once on a new database race for knex's migration locks:
// the loser fails to start (the replicas check saw it on every run), and one killed while
// migrating leaves a lock that stops every later start. A PostgreSQL advisory lock, held from
// before the plugins start until they have, makes the second replica wait for the first instead.
import { ConfigSources } from '@backstage/config-loader';
import { Client, ClientConfig } from 'pg';

/** Longer than a start with every migration to run; after it a replica starts without waiting. */
const WAIT_SECONDS = 300;

export type ReleaseStartupLock = () => Promise<void>;

const noLock: ReleaseStartupLock = async () => {};

function clientConfig(connection: unknown): ClientConfig {
  if (typeof connection === 'string') return { connectionString: connection };
  // The maintenance database: every plugin's database may not exist yet.
  return { database: 'postgres', ...(connection as ClientConfig) };
}

/**
 * Waits for, then holds, the start-up lock of this installation (its database prefix) when the
 * backend runs on PostgreSQL; resolves to the function that releases it. On SQLite, or when the
 * lock cannot be had, it resolves at once and the backend starts as it would have.
 */
export async function acquireStartupLock(
  argv: string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
): Promise<ReleaseStartupLock> {
  let config: Awaited<ReturnType<typeof ConfigSources.toConfig>> | undefined;
  let client: Client | undefined;
  try {
    // The backend reads its config again when it starts; this reading is only for the lock.
    config = await ConfigSources.toConfig(ConfigSources.default({ argv, env }));
    if (config.getOptionalString('backend.database.client') !== 'pg')
      return noLock;
    const key = `paved-backend-startup:${
      config.getOptionalString('backend.database.prefix') ?? 'backstage_plugin_'
    }`;
    client = new Client(
      clientConfig(config.get('backend.database.connection')),
    );
    await client.connect();
    await client.query(`SET statement_timeout = '${WAIT_SECONDS}s'`);
    const started = Date.now();
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    const waited = (Date.now() - started) / 1000;
    if (waited >= 1)
      // eslint-disable-next-line no-console
      console.log(
        `Waited ${waited.toFixed(
          1,
        )} s for another replica to finish starting (its migrations)`,
      );
    const held = client;
    return async () => {
      await held
        .query('SELECT pg_advisory_unlock(hashtext($1))', [key])
        .catch(() => undefined);
      await held.end().catch(() => undefined);
    };
  } catch (error) {
    await client?.end().catch(() => undefined);
    // eslint-disable-next-line no-console
    console.warn(
      `Starting without the start-up lock (${
        (error as Error).message
      }): replicas starting at once may race for their migrations`,
    );
    return noLock;
  } finally {
    config?.close();
  }
}
