// Every golden-path input that reaches YAML, Kubernetes names, git or a configuration lookup is
// refused, before anything is created, with an InputError naming the field and what to send.
import { InputError } from '@backstage/errors';
import { actionContext } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createPreflightAction } from './preflight';
import { createCrossplaneClaimAction } from './crossplaneClaim';

const request = {
  name: 'orders-api',
  owner: 'group:default/checkout',
  environment: 'dev',
  database: {
    enabled: true,
    offering: 'postgresql',
    tier: 'standard',
    storageGB: 20,
  },
};
const db = (change: object) => ({
  database: { ...request.database, ...change },
});

describe('golden-path input validation', () => {
  it.each([
    [{ name: 'null' }, /name: YAML reads this word/],
    [{ name: 'true' }, /name: YAML reads this word/],
    [{ name: 'orders: api' }, /name: use 4 to 30 characters/],
    [{ name: 'orders#api' }, /name: use 4 to 30 characters/],
    [{ name: '{{orders}}' }, /name: use 4 to 30 characters/],
    [{ name: 'оrders-api' /* Cyrillic о */ }, /name: use 4 to 30/],
    [{ name: 42 }, /name: send the service name as a string/],
    [{ owner: 'group:default/yes' }, /owner: YAML reads this team name/],
    [{ owner: 'checkout: x' }, /owner: send the owning team/],
    [{ owner: 'group:default/{{x}}' }, /owner: send the owning team/],
    [{ owner: 'group:default/# x' }, /owner: send the owning team/],
    [{ environment: '__proto__' }, /environment: send a environment/],
    [{ environment: 'constructor' }, /Unknown environment "constructor"/],
    [{ environment: 'dеv' /* Cyrillic е */ }, /environment: send a/],
    [db({ storageGB: Number.NaN }), /database.storageGB: send/],
    [db({ storageGB: -5 }), /database.storageGB: send at least 1 GB/],
    [db({ storageGB: 1e308 }), /database.storageGB: send at most/],
    [db({ storageGB: 20.5 }), /database.storageGB: send a whole number/],
    [
      db({ storageGB: '20' }),
      /database.storageGB: send the storage as a number/,
    ],
    [db({ tier: 'constructor' }), /tier "constructor" is not offered/],
    [db({ tier: 'tostring' }), /tier "tostring" is not offered/],
    [db({ tier: '__proto__' }), /database.tier: send a tier/],
    [db({ tier: 'ѕtandard' /* Cyrillic ѕ */ }), /database.tier: send a tier/],
    [
      db({ region: 'hasownproperty' }),
      /region "hasownproperty" is not offered/,
    ],
    [db({ region: 'eu: west' }), /database.region: send a region/],
    [db({ offering: 'constructor' }), /Unknown infrastructure offering/],
    [db({ extra: 1 }), /database/],
  ])('preflight refuses %j', async (change, message) => {
    const { services, repositories } = testServices();
    const run = createPreflightAction(services).handler(
      actionContext({ ...request, ...change } as any).ctx,
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(message);
    expect(repositories.list()).toEqual([]);
  });

  it('the claim action refuses the same inputs before writing anything', async () => {
    const { services, repositories } = testServices();
    await expect(
      createCrossplaneClaimAction(services).handler(
        actionContext({ ...request, ...db({ tier: 'constructor' }) }).ctx,
      ),
    ).rejects.toThrow(/tier "constructor" is not offered/);
    expect(repositories.list()).toEqual([]);
  });
});
