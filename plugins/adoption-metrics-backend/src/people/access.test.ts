// Who may call each route of the running plugin: POST /events needs adoption.usage.record,
// POST /survey adoption.survey.answer, the read routes adoption.metrics.read; a refusal says why
// and who to ask. The plugin registers its three permissions.
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPeopleBackend } from './__testUtils__/peopleBackend';

jest.setTimeout(60_000);

const alice = mockCredentials.user.header('user:default/alice');
const events = {
  events: [
    {
      action: 'navigate',
      subject: '/catalog',
      context: { pluginId: 'catalog' },
    },
  ],
};

describe('adoption-metrics permissions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(deny: string[]) {
    const knex = await databases.init('SQLITE_3');
    return { knex, server: await startPeopleBackend({ knex, deny }) };
  }

  it('records portal use with adoption.usage.record', async () => {
    const { knex, server } = await start(['adoption.survey.answer']);
    const res = await request(server)
      .post('/api/adoption-metrics/events')
      .set('authorization', alice)
      .send(events);
    expect(res.status).toBe(202);
    expect(await knex('adoption_usage_hours')).toHaveLength(1);
  });

  it('refuses to record portal use without adoption.usage.record, and records nothing', async () => {
    const { knex, server } = await start(['adoption.usage.record']);
    const res = await request(server)
      .post('/api/adoption-metrics/events')
      .set('authorization', alice)
      .send(events);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /You may not record portal use \(adoption\.usage\.record\).*ask the platform team/,
    );
    expect(await knex('adoption_usage_hours')).toHaveLength(0);
  });

  it('takes a survey answer with adoption.survey.answer', async () => {
    const { knex, server } = await start(['adoption.usage.record']);
    const res = await request(server)
      .post('/api/adoption-metrics/survey')
      .set('authorization', alice)
      .send({ score: 9 });
    expect(res.status).toBe(201);
    expect(await knex('adoption_survey_answers')).toHaveLength(1);
  });

  it('refuses a survey answer without adoption.survey.answer, and stores nothing', async () => {
    const { knex, server } = await start(['adoption.survey.answer']);
    const res = await request(server)
      .post('/api/adoption-metrics/survey')
      .set('authorization', alice)
      .send({ score: 9 });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /You may not answer the survey \(adoption\.survey\.answer\).*ask the platform team/,
    );
    expect(await knex('adoption_survey_answers')).toHaveLength(0);
    expect(await knex('adoption_survey_asked')).toHaveLength(0);
  });

  const readRoutes = [
    '/summary',
    '/component?entityRef=component:default/orders-api',
    '/sources',
    '/usage',
    '/survey/results',
  ];

  it.each(readRoutes)('serves %s with adoption.metrics.read', async route => {
    const { server } = await start([
      'adoption.usage.record',
      'adoption.survey.answer',
    ]);
    const res = await request(server)
      .get(`/api/adoption-metrics${route}`)
      .set('authorization', alice);
    expect(res.status).toBe(200);
  });

  it.each(readRoutes)(
    'refuses %s without adoption.metrics.read, saying who may and who to ask',
    async route => {
      const { server } = await start(['adoption.metrics.read']);
      const res = await request(server)
        .get(`/api/adoption-metrics${route}`)
        .set('authorization', alice);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may not read the adoption metrics: only members of the groups in paved.permissions.viewers (and the platform team) may; ask the platform team to add your team',
      );
    },
  );

  it('registers its permissions, so the policy and RBAC tools see them', async () => {
    const { server } = await start([]);
    const res = await request(server)
      .get('/api/adoption-metrics/.well-known/backstage/permissions/metadata')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'adoption.metrics.read',
        'adoption.usage.record',
        'adoption.survey.answer',
      ]),
    );
  });
});
