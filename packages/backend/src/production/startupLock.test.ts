import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireStartupLock } from './startupLock';

// Set by `./paved test` (its throwaway PostgreSQL), as for the stores' TestDatabases.
const postgresUrl =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

function configArgs(database: object): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-lock-'));
  const file = path.join(dir, 'app-config.yaml');
  fs.writeFileSync(
    file,
    JSON.stringify({ backend: { database } }), // JSON is YAML
  );
  return ['node', 'backend', '--config', file];
}

describe('the start-up lock', () => {
  it('is no lock at all on SQLite', async () => {
    const release = await acquireStartupLock(
      configArgs({ client: 'better-sqlite3', connection: ':memory:' }),
      {},
    );
    await expect(release()).resolves.toBeUndefined();
  });

  it('makes a second backend on the same PostgreSQL wait until the first has started', async () => {
    if (!postgresUrl) {
      // CI (PAVED_REQUIRE_KUBERNETES=1) always has the PostgreSQL of ./paved test.
      if (process.env.PAVED_REQUIRE_KUBERNETES === '1')
        throw new Error(
          'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is unset: ./paved test starts PostgreSQL and sets it',
        );
      process.stderr.write(
        '\n!!! NOT CHECKED: the start-up lock on PostgreSQL (no test PostgreSQL; ./paved test has one)\n',
      );
      return;
    }
    const argv = configArgs({
      client: 'pg',
      connection: postgresUrl,
      prefix: `startup_lock_test_${process.pid}_`,
    });
    const order: string[] = [];
    const releaseFirst = await acquireStartupLock(argv, {});
    const second = acquireStartupLock(argv, {}).then(release => {
      order.push('second holds the lock');
      return release;
    });
    await new Promise(resolve => setTimeout(resolve, 500));
    order.push('first releases');
    await releaseFirst();
    await (
      await second
    )();
    expect(order).toEqual(['first releases', 'second holds the lock']);
  });
});
