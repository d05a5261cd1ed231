/**
 * Templates are code: every template in templates/ is checked here before it reaches a
 * developer. Run alone with `yarn templates:validate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../catalog/__testUtils__/loadEntityFiles';
import { validateEntity } from '../catalog/__testUtils__/validateEntity';
import { loadTemplates } from './__testUtils__/loadTemplates';
import { startScaffolder } from './__testUtils__/scaffolderUnderTest';
import { problemsInRenderedService } from './__testUtils__/checkRenderedService';

jest.setTimeout(120_000);

const templates = loadTemplates();
let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

beforeAll(async () => {
  scaffolder = await startScaffolder();
});
afterAll(() => scaffolder?.stop());

it('finds the templates registered in templates/all.yaml', () => {
  expect(templates.map(t => t.template.metadata.name)).toContain(
    'new-microservice',
  );
});

describe.each(
  templates.map(t => [path.relative(repoRoot, t.file), t] as const),
)('%s', (_, { template, directoryContents, examples }) => {
  it('is a valid Template entity', async () => {
    await expect(validateEntity(template)).resolves.toBeUndefined();
  });

  it('uses only actions the backend has installed', async () => {
    const known = new Set(await scaffolder.actionIds());
    const unknown = template.spec.steps
      .map(step => step.action)
      .filter(action => !known.has(action));
    expect(unknown).toEqual([]);
  });

  it('has examples to dry-run with', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map(e => [e.title, e] as const))(
    'dry-runs through the scaffolder with example "%s"',
    async (_title, example) => {
      const result = await scaffolder.dryRun({
        template,
        values: example.values,
        secrets: {},
        directoryContents,
      });
      expect(result.body.errors).toBeUndefined();
      expect(result.status).toBe(200);
      const failed = (result.body.log ?? []).filter(
        l => l.body.status === 'failed',
      );
      expect(failed.map(l => l.body.message)).toEqual([]);
    },
  );
});

/** The database fields of a template's form, wherever the template puts them. */
function databaseFields(template: any): Record<string, any> | undefined {
  for (const page of template.spec.parameters) {
    const database = page.properties?.database;
    if (!database) continue;
    const branch = database.dependencies?.enabled?.oneOf?.find(
      (b: any) => b.properties?.tier,
    );
    return branch?.properties ?? database.properties;
  }
  return undefined;
}

describe.each(
  templates
    .filter(t => databaseFields(t.template))
    .map(t => [t.template.metadata.name, t] as const),
)('the database form of %s', (_, { template }) => {
  // The form shows the platform team's guardrails; the actions enforce app-config.yaml's. A
  // change to one without the other fails here.
  const appConfig = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const offering = appConfig.paved.goldenPath.offerings.postgresql;
  const fields = databaseFields(template)!;
  const caps = Object.values(offering.tiers).map((t: any) => t.maxStorageGB);

  it('offers the configured tiers and regions', () => {
    expect(fields.tier.enum).toEqual(Object.keys(offering.tiers));
    expect(fields.region.enum).toEqual(offering.regions);
  });

  it('bounds storage as the configuration does', () => {
    expect(fields.storageGB.minimum).toBe(offering.minStorageGB);
    expect(fields.storageGB.maximum).toBe(Math.max(...caps));
  });

  it('names each tier with its limit', () => {
    Object.entries(offering.tiers).forEach(([tier, t]: [string, any], i) => {
      const label = fields.tier.enumNames[i];
      expect(label.toLowerCase()).toContain(tier);
      expect(label).toContain(
        t.requiresApproval ? 'needs approval' : `up to ${t.maxStorageGB} GB`,
      );
    });
  });
});

describe('new-microservice', () => {
  const microservice = templates.find(
    t => t.template.metadata.name === 'new-microservice',
  )!;
  const valid = microservice.examples[0].values;

  it.each(microservice.examples.map(e => [e.title, e] as const))(
    'renders a complete, valid service for example "%s"',
    async (_title, example) => {
      const result = await scaffolder.dryRun({
        template: microservice.template,
        values: example.values,
        secrets: {},
        directoryContents: microservice.directoryContents,
      });
      const files = new Map(
        (result.body.directoryContents ?? []).map(f => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
      const problems = await problemsInRenderedService(
        files,
        example.values as any,
      );
      expect(problems).toEqual([]);
    },
  );

  it.each([
    ['Orders_API', 'uppercase and underscore'],
    ['abc', 'too short'],
    ['1orders', 'starts with a digit'],
    ['orders-', 'ends with a hyphen'],
    ['a'.repeat(31), 'too long'],
  ])('rejects the service name %j (%s) with the reason', async name => {
    const result = await scaffolder.dryRun({
      template: microservice.template,
      values: { ...valid, name },
      secrets: {},
      directoryContents: microservice.directoryContents,
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body.errors)).toMatch(/name/);
  });

  it('shows every manifest in a dry run and creates nothing', async () => {
    const result = await scaffolder.dryRun({
      template: microservice.template,
      values: microservice.examples[0].values,
      secrets: {},
      directoryContents: microservice.directoryContents,
    });
    const log = (result.body.log ?? []).map(l => l.body.message).join('\n');
    expect(log).toMatch(
      /Would deliver PostgreSQLInstance orders-api-dev\/orders-api-db/,
    );
    expect(log).toMatch(/kind: PostgreSQLInstance[\s\S]*storageGB: 20/);
    expect(log).toMatch(
      /Would deliver Application orders-api-dev[\s\S]*kind: Application/,
    );
    expect(log).toMatch(
      /Would create .*checkout\/orders-api\.git with \d+ files/,
    );
    expect(log).toMatch(/Would register .* as component:default\/orders-api/);
    expect(await scaffolder.repositories()).toEqual([]);

    // The entity carries what the adoption and cost features read.
    const catalogInfo = parse(
      Buffer.from(
        result.body.directoryContents!.find(
          f => f.path === 'catalog-info.yaml',
        )!.base64Content,
        'base64',
      ).toString('utf8'),
    );
    expect(catalogInfo.metadata.annotations).toMatchObject({
      'backstage.io/source-template': 'template:default/new-microservice',
      'backstage.io/kubernetes-id': 'orders-api',
      'backstage.io/kubernetes-namespace': 'orders-api-dev',
      'argocd/app-name': 'orders-api-dev',
      'paved.dev/claims': 'PostgreSQLInstance/orders-api-dev/orders-api-db',
      'paved.dev/created-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('refuses a database over the storage cap before anything is created, naming the limit', async () => {
    const values = microservice.examples[0].values as any;
    const result = await scaffolder.dryRun({
      template: microservice.template,
      values: { ...values, database: { ...values.database, storageGB: 80 } },
      secrets: {},
      directoryContents: microservice.directoryContents,
    });
    const answer = JSON.stringify(result.body);
    // The first step stopped the task: no later step ran.
    expect(answer).not.toMatch(/Would create|Would deliver|Would register/);
    expect(answer).toMatch(
      /storage 80 GB exceeds the 50 GB limit of tier standard; choose ≤ 50 or ask the platform team/,
    );
    expect(await scaffolder.repositories()).toEqual([]);
  });

  it.each([
    ['language', 'rust'],
    ['environment', 'qa'],
  ])('rejects %s %j', async (field, value) => {
    const result = await scaffolder.dryRun({
      template: microservice.template,
      values: { ...valid, [field]: value },
      secrets: {},
      directoryContents: microservice.directoryContents,
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body.errors)).toMatch(new RegExp(field));
  });
});
