import path from 'node:path';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { loadEntityFiles, repoRoot } from './__testUtils__/loadEntityFiles';
import { validateEntity } from './__testUtils__/validateEntity';

const loaded = loadEntityFiles(path.join(repoRoot, 'catalog', 'all.yaml'));
const refs = new Set(loaded.map(({ entity }) => stringifyEntityRef(entity)));

/** Every entity ref an entity's spec points at, with the kind the field implies. */
function referencesOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const one = (field: string, defaultKind: string) =>
    typeof spec[field] === 'string'
      ? [[spec[field] as string, defaultKind]]
      : [];
  const many = (field: string, defaultKind: string) =>
    Array.isArray(spec[field])
      ? (spec[field] as string[]).map(ref => [ref, defaultKind])
      : [];
  const pairs = [
    ...one('owner', 'group'),
    ...one('system', 'system'),
    ...one('domain', 'domain'),
    ...one('parent', 'group'),
    ...many('children', 'group'),
    ...many('memberOf', 'group'),
    ...many('providesApis', 'api'),
    ...many('consumesApis', 'api'),
    ...many('dependsOn', 'component'),
    ...many('dependencyOf', 'component'),
  ];
  return pairs.map(([ref, defaultKind]) =>
    stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    ),
  );
}

describe('the example organisation in catalog/', () => {
  it('is a realistic organisation', () => {
    const count = (kind: string) =>
      loaded.filter(({ entity }) => entity.kind === kind).length;
    expect(count('Group')).toBeGreaterThanOrEqual(5);
    expect(count('User')).toBeGreaterThanOrEqual(10);
    expect(count('System')).toBeGreaterThanOrEqual(2);
    expect(count('Component')).toBeGreaterThanOrEqual(10);
    expect(count('Resource')).toBeGreaterThanOrEqual(2);
    expect(count('API')).toBeGreaterThanOrEqual(3);
  });

  it.each(loaded.map(l => [`${l.entity.kind}:${l.entity.metadata?.name}`, l]))(
    '%s is valid for the catalog',
    async (_, { entity }) => {
      await expect(validateEntity(entity)).resolves.toBeUndefined();
    },
  );

  it('has no two entities with the same ref', () => {
    expect(refs.size).toBe(loaded.length);
  });

  it('refers only to entities it defines', () => {
    const dangling = loaded.flatMap(({ file, entity }) =>
      referencesOf(entity)
        .filter(ref => !refs.has(ref))
        .map(
          ref =>
            `${path.relative(repoRoot, file)}: ${stringifyEntityRef(
              entity,
            )} -> ${ref}`,
        ),
    );
    expect(dangling).toEqual([]);
  });

  it('mixes components made on the golden path with hand-made ones', () => {
    const components = loaded.filter(
      ({ entity }) => entity.kind === 'Component',
    );
    const golden = components.filter(
      ({ entity }) =>
        entity.metadata.annotations?.['backstage.io/source-template'] ===
        'template:default/new-microservice',
    );
    expect(golden.length).toBeGreaterThan(0);
    expect(golden.length).toBeLessThan(components.length);
    for (const { entity } of golden) {
      const annotations = entity.metadata.annotations ?? {};
      expect(annotations['backstage.io/kubernetes-id']).toBe(
        entity.metadata.name,
      );
      expect(Date.parse(annotations['paved.dev/created-at'])).not.toBeNaN();
      expect(annotations['backstage.io/kubernetes-namespace']).toBe(
        `${entity.metadata.name}-${annotations['paved.dev/environment']}`,
      );
    }
  });
});
