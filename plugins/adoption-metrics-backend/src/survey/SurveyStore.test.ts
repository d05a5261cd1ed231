import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { SurveyStore } from './SurveyStore';

jest.setTimeout(60_000);

describe('SurveyStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function storeOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database.mock({
      getClient: async () => knex,
    });
    return { knex, store: await SurveyStore.create(database) };
  }

  it.each(databases.eachSupportedId())(
    'takes one answer or dismissal per person and quarter (%p)',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const day = '2026-11-24';
      expect(await store.wasAsked('2026-Q4', 'p1')).toBe(false);
      await store.record({
        quarter: '2026-Q4',
        pseudonym: 'p1',
        day,
        answer: { score: 9, improvement: 'Faster CI' },
      });
      expect(await store.wasAsked('2026-Q4', 'p1')).toBe(true);
      await expect(
        store.record({
          quarter: '2026-Q4',
          pseudonym: 'p1',
          day,
          answer: { score: 2 },
        }),
      ).rejects.toThrow(ConflictError);
      await store.record({ quarter: '2026-Q4', pseudonym: 'p2', day });
      await expect(
        store.record({
          quarter: '2026-Q4',
          pseudonym: 'p2',
          day,
          answer: { score: 5 },
        }),
      ).rejects.toThrow(/already answered or dismissed the survey of 2026-Q4/);
      // A new quarter asks again.
      await store.record({
        quarter: '2027-Q1',
        pseudonym: 'p1',
        day: '2027-01-05',
        answer: { score: 7, team: 'group:default/checkout' },
      });

      expect(await store.answers('2026-Q4')).toEqual([
        { score: 9, improvement: 'Faster CI' },
      ]);
      expect(await store.answers('2027-Q1', 'group:default/checkout')).toEqual([
        { score: 7, improvement: undefined },
      ]);
      expect(await store.answers('2027-Q1', 'group:default/payments')).toEqual(
        [],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps answers without anything that identifies or orders them (%p)',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      await store.record({
        quarter: '2026-Q4',
        pseudonym: 'p1',
        day: '2026-11-24',
        answer: { score: 8 },
      });
      const answerColumns = Object.keys(
        await knex('adoption_survey_answers').columnInfo(),
      ).sort();
      expect(answerColumns).toEqual([
        'answered_day',
        'id',
        'improvement',
        'quarter',
        'score',
        'team',
      ]);
      expect(
        Object.keys(await knex('adoption_survey_asked').columnInfo()).sort(),
      ).toEqual(['pseudonym', 'quarter']);
      const [row] = await knex('adoption_survey_answers');
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.answered_day).toBe('2026-11-24');
      // A restart keeps the rule.
      const restarted = await SurveyStore.create(
        mockServices.database.mock({ getClient: async () => knex }),
      );
      expect(await restarted.wasAsked('2026-Q4', 'p1')).toBe(true);
    },
  );
});
