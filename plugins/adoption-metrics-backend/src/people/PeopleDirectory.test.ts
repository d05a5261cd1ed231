import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { PeopleDirectory, firstGroup } from './PeopleDirectory';

const user = (spec: object, relations: Entity['relations'] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec,
  relations,
});

describe('firstGroup', () => {
  it('takes the first group as written, else the first memberOf relation', () => {
    expect(firstGroup(user({ memberOf: ['checkout', 'payments'] }))).toBe(
      'group:default/checkout',
    );
    expect(
      firstGroup(
        user({}, [
          { type: 'memberOf', targetRef: 'group:default/payments' },
          { type: 'memberOf', targetRef: 'group:default/checkout' },
          { type: 'ownerOf', targetRef: 'component:default/a' },
        ]),
      ),
    ).toBe('group:default/checkout');
    expect(firstGroup(user({}))).toBeUndefined();
  });
});

describe('PeopleDirectory', () => {
  it('caches a team, and says nothing about the person when the catalog fails', async () => {
    const catalog = catalogServiceMock({
      entities: [{ ...user({ memberOf: ['checkout'] }) }],
    });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const logger = mockServices.logger.mock();
    const directory = new PeopleDirectory({
      catalog,
      auth: mockServices.auth(),
      logger,
    });
    expect(await directory.teamOf('user:default/alice')).toBe(
      'group:default/checkout',
    );
    expect(await directory.teamOf('user:default/alice')).toBe(
      'group:default/checkout',
    );
    expect(getEntityByRef).toHaveBeenCalledTimes(1);

    getEntityByRef.mockRejectedValueOnce(
      new Error('user:default/mallory is unreachable'),
    );
    expect(await directory.teamOf('user:default/mallory')).toBeUndefined();
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('mallory');
  });
});
