import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { parse } from 'yaml';
import { actionContext, workspaceWith } from '../__testUtils__/actionContext';
import { testServices } from '../__testUtils__/testServices';
import { createCatalogRegisterAction } from './catalogRegister';
import { examples } from './catalogRegister.examples';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api' },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/checkout',
  },
};
const url =
  'https://git.example/checkout/orders-api/blob/main/catalog-info.yaml';
const workspace = () =>
  workspaceWith({ 'catalog-info.yaml': JSON.stringify(entity) });

/** What the catalog client throws when the catalog answers 409 to adding a location. */
function locationExists(target: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: 'ConflictError',
          message: `Location url:${target} already exists`,
        },
        request: { method: 'POST', url: '/locations' },
        response: { statusCode: 409 },
      }),
      {
        status: 409,
        statusText: 'Conflict',
        headers: { 'content-type': 'application/json' },
      },
    ) as any,
  );
}

/** The catalog ingests the entity on the third look after the location is added. */
function ingestingCatalog() {
  const { services, catalog } = testServices();
  let looks = 0;
  const added: string[] = [];
  catalog.addLocation = jest.fn(async ({ target }: { target: string }) => {
    if (added.includes(target)) {
      throw await locationExists(target);
    }
    added.push(target);
    return { location: { id: '1', type: 'url', target }, entities: [] };
  }) as any;
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = jest.fn(async (ref: any, options: any) =>
    added.length && ++looks >= 3 ? entity : getEntityByRef(ref, options),
  ) as any;
  return { services, catalog, added };
}

describe('golden-path:catalog:register', () => {
  it('registers the location and returns once the entity is in the catalog', async () => {
    const { services, added } = ingestingCatalog();
    const { ctx, outputs } = actionContext(
      { catalogInfoUrl: url },
      { workspacePath: workspace() },
    );
    await createCatalogRegisterAction(services).handler(ctx);
    expect(added).toEqual([url]);
    expect(outputs.entityRef).toBe('component:default/orders-api');
  });

  it('accepts its own earlier registration when the task is retried', async () => {
    const { services, added } = ingestingCatalog();
    const action = createCatalogRegisterAction(services);
    await action.handler(
      actionContext({ catalogInfoUrl: url }, { workspacePath: workspace() })
        .ctx,
    );
    await action.handler(
      actionContext({ catalogInfoUrl: url }, { workspacePath: workspace() })
        .ctx,
    );
    expect(added).toEqual([url]);
  });

  it('on a resumed task asks the catalog to process the location at once: the replica that registered it may have died holding it', async () => {
    const { services, catalog } = testServices();
    const refreshed: string[] = [];
    // Registered by the earlier attempt; the catalog holds the entity until someone refreshes
    // the location, as when the replica processing it died.
    catalog.addLocation = jest.fn(async ({ target }: { target: string }) => {
      throw await locationExists(target);
    }) as any;
    catalog.refreshEntity = jest.fn(async (ref: string) => {
      refreshed.push(ref);
    }) as any;
    const getEntityByRef = catalog.getEntityByRef.bind(catalog);
    // The location's own entity is there (the earlier attempt stored it); the component not yet.
    catalog.getEntityByRef = jest.fn(async (ref: any, options: any) =>
      refreshed.length || String(ref).startsWith('location:')
        ? entity
        : getEntityByRef(ref, options),
    ) as any;
    const { ctx, outputs } = actionContext(
      { catalogInfoUrl: url, timeoutSeconds: 5 },
      { workspacePath: workspace() },
    );
    await createCatalogRegisterAction(services).handler(ctx);
    expect(refreshed).toEqual([
      'component:default/orders-api',
      `location:default/${locationSpecToMetadataName({
        type: 'url',
        target: url,
      })}`,
    ]);
    expect(outputs.entityRef).toBe('component:default/orders-api');
  });

  it('registers again a location an earlier attempt stored without its entity (a replica killed inside POST /locations)', async () => {
    const { services, catalog } = testServices();
    const calls: string[] = [];
    let stored = true; // the orphan the killed replica left
    catalog.addLocation = jest.fn(async ({ target }: { target: string }) => {
      calls.push('add');
      if (stored) throw await locationExists(target);
      stored = true;
      return { location: { id: '43', type: 'url', target }, entities: [] };
    }) as any;
    catalog.getLocationByRef = jest.fn(async () => {
      calls.push('get-location');
      return { id: '42', type: 'url', target: url };
    }) as any;
    catalog.removeLocationById = jest.fn(async (id: string) => {
      calls.push(`remove ${id}`);
      stored = false;
    }) as any;
    // No location entity until it is registered again; then the component arrives.
    catalog.getEntityByRef = jest.fn(async () =>
      calls.includes('remove 42') ? entity : undefined,
    ) as any;
    const { ctx, outputs } = actionContext(
      { catalogInfoUrl: url, timeoutSeconds: 5 },
      { workspacePath: workspace() },
    );
    await createCatalogRegisterAction(services).handler(ctx);
    expect(calls).toEqual(['add', 'get-location', 'remove 42', 'add']);
    expect(outputs.entityRef).toBe('component:default/orders-api');
  });

  it('gives up after the timeout, saying where to look', async () => {
    const { services } = testServices();
    services.catalog.addLocation = jest.fn(async () => ({} as any));
    const { ctx } = actionContext(
      { catalogInfoUrl: url, timeoutSeconds: 1 },
      { workspacePath: workspace() },
    );
    await expect(
      createCatalogRegisterAction(services).handler(ctx),
    ).rejects.toThrow(
      /has not ingested component:default\/orders-api .* after 1 s: open the location/,
    );
  });

  it('validates without registering in a dry run', async () => {
    const { services, catalog } = testServices();
    catalog.addLocation = jest.fn();
    catalog.validateEntity = jest.fn(async () => ({ valid: true as const }));
    const { ctx, outputs } = actionContext(
      { catalogInfoUrl: url },
      { workspacePath: workspace(), dryRun: true },
    );
    await createCatalogRegisterAction(services).handler(ctx);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(outputs.entityRef).toBe('component:default/orders-api');
    expect(catalog.validateEntity).toHaveBeenCalledWith(
      entity,
      `url:${url}`,
      expect.anything(),
    );
  });

  it("reports the catalog's objections in a dry run", async () => {
    const { services, catalog } = testServices();
    catalog.validateEntity = jest.fn(async () => ({
      valid: false as const,
      errors: [{ name: 'InputError', message: 'spec.owner is missing' }],
    }));
    const { ctx } = actionContext(
      { catalogInfoUrl: url },
      { workspacePath: workspace(), dryRun: true },
    );
    await expect(
      createCatalogRegisterAction(services).handler(ctx),
    ).rejects.toThrow(
      'catalog-info.yaml would be rejected by the catalog: spec.owner is missing',
    );
  });

  it('refuses a location outside the service repository before registering', async () => {
    const { services, added } = ingestingCatalog();
    const { ctx } = actionContext(
      { catalogInfoUrl: 'https://evil.example/x/catalog-info.yaml' },
      { workspacePath: workspace() },
    );
    await expect(
      createCatalogRegisterAction(services).handler(ctx),
    ).rejects.toThrow(
      /catalogInfoUrl: send https:\/\/git.example\/checkout\/orders-api\/blob\/main\/catalog-info.yaml/,
    );
    expect(added).toEqual([]);
  });

  it("registers with the golden path's own credentials after checking the user may create for the owner", async () => {
    const { services, catalog } = ingestingCatalog();
    const { ctx } = actionContext(
      { catalogInfoUrl: url },
      { workspacePath: workspace() },
    );
    const authorize = jest.spyOn(services.permissions, 'authorize');
    await createCatalogRegisterAction(services).handler(ctx);
    expect(authorize).toHaveBeenCalledWith(
      [expect.objectContaining({ resourceRef: 'group:default/checkout' })],
      { credentials: await ctx.getInitiatorCredentials() },
    );
    const [, { credentials }] = (catalog.addLocation as jest.Mock).mock
      .calls[0];
    expect(credentials.principal.type).toBe('service');
  });

  it('says what is wrong when the workspace has no catalog-info.yaml', async () => {
    const { services } = testServices();
    await expect(
      createCatalogRegisterAction(services).handler(
        actionContext({ catalogInfoUrl: url }).ctx,
      ),
    ).rejects.toThrow(/catalog-info.yaml is missing from the workspace/);
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_, example) => {
      const { services, added } = ingestingCatalog();
      // The example uses the embedded git host's URLs.
      services.repositories.urls = repo => ({
        cloneUrl: `http://localhost:7007/api/git-host/${repo.owner}/${repo.name}.git`,
        webUrl: `http://localhost:3000/git/${repo.owner}/${repo.name}`,
        fileUrl: (branch, file) =>
          `http://localhost:7007/api/git-host/${repo.owner}/${repo.name}/blob/${branch}/${file}`,
      });
      const { ctx } = actionContext(parse(example.example).steps[0].input, {
        workspacePath: workspace(),
      });
      await createCatalogRegisterAction(services).handler(ctx);
      expect(added).toHaveLength(1);
    },
  );
});
