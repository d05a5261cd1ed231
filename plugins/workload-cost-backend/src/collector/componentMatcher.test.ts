import { Entity } from '@backstage/catalog-model';
import { ComponentMatcher } from './componentMatcher';

const component = (
  name: string,
  annotations: Record<string, string>,
  owner = 'checkout',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const object = (
  namespace: string,
  labels: Record<string, string>,
  kind = 'Pod',
  name = 'x',
) => ({ kind, namespace, name, labels: (key: string) => labels[key] });

describe('ComponentMatcher', () => {
  const matcher = ComponentMatcher.fromEntities([
    component('orders-api', { 'backstage.io/kubernetes-id': 'orders-api' }),
    component(
      'orders-api-eu',
      {
        'backstage.io/kubernetes-id': 'orders-api',
        'backstage.io/kubernetes-namespace': 'orders-eu',
      },
      'group:default/eu',
    ),
    component('cart', {
      'backstage.io/kubernetes-label-selector': 'app=cart,tier in (web,api)',
    }),
    component('ledger', {
      'backstage.io/kubernetes-id': 'ledger',
      'paved.dev/claims': 'PostgreSQLInstance/shared/shared-db',
    }),
    component('broken', {
      'backstage.io/kubernetes-label-selector': 'app ~ broken',
    }),
  ]);

  it('matches by kubernetes-id, reporting the other component it would fit', () => {
    expect(
      matcher.match(
        object('orders', { 'backstage.io/kubernetes-id': 'orders-api' }),
      ),
    ).toEqual({
      ref: 'component:default/orders-api',
      owner: 'group:default/checkout',
      alsoMatched: [],
    });
    // Both components take objects labelled orders-api in orders-eu: counted once, by the one
    // limited to that namespace, and the other named.
    expect(
      matcher.match(
        object('orders-eu', { 'backstage.io/kubernetes-id': 'orders-api' }),
      ),
    ).toEqual({
      ref: 'component:default/orders-api-eu',
      owner: 'group:default/eu',
      alsoMatched: [
        {
          ref: 'component:default/orders-api',
          owner: 'group:default/checkout',
        },
      ],
    });
  });

  it('matches by label selector and by claims named on the entity', () => {
    expect(
      matcher.match(object('shop', { app: 'cart', tier: 'web' }))?.ref,
    ).toBe('component:default/cart');
    expect(
      matcher.match(object('shop', { app: 'cart', tier: 'db' })),
    ).toBeUndefined();
    expect(
      matcher.match(object('shared', {}, 'PostgreSQLInstance', 'shared-db'))
        ?.ref,
    ).toBe('component:default/ledger');
  });

  it('reports a component whose annotation cannot be read', () => {
    expect(matcher.problems).toEqual([
      {
        ref: 'component:default/broken',
        message: expect.stringMatching(/cannot read "app ~ broken"/),
      },
    ]);
  });
});
