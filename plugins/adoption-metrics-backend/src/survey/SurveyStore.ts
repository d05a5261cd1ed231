// The quarterly survey. Who was asked (answered or dismissed) is kept apart from what was answered,
// with nothing to join them on: answers carry no pseudonym, a random id and only the UTC day. Both
// are written in one transaction, so an answer is never counted without its "asked" row.
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

export interface SurveyAnswer {
  score: number;
  improvement?: string;
  team?: string;
}

const migrationsDir = resolvePackagePath(
  '@internal/plugin-adoption-metrics-backend',
  'migrations',
);

function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    /UNIQUE constraint failed/.test(String(e?.message)) // SQLite
  );
}

export class SurveyStore {
  static async create(database: DatabaseService): Promise<SurveyStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new SurveyStore(client);
  }

  constructor(readonly db: Knex) {}

  async wasAsked(quarter: string, pseudonym: string): Promise<boolean> {
    const row = await this.db('adoption_survey_asked')
      .where({ quarter, pseudonym })
      .first();
    return Boolean(row);
  }

  /** Records an answer, or a dismissal when there is none; once per person and quarter. */
  async record(options: {
    quarter: string;
    pseudonym: string;
    day: string;
    answer?: SurveyAnswer;
  }): Promise<void> {
    const { quarter, pseudonym, answer } = options;
    try {
      await this.db.transaction(async tx => {
        await tx('adoption_survey_asked').insert({ quarter, pseudonym });
        if (!answer) return;
        await tx('adoption_survey_answers').insert({
          id: randomUUID(),
          quarter,
          score: answer.score,
          improvement: answer.improvement ?? null,
          team: answer.team ?? null,
          answered_day: options.day,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `You already answered or dismissed the survey of ${quarter}; it asks once a quarter`,
        );
      }
      throw error;
    }
  }

  /** A quarter's answers, optionally of one team's people. */
  async answers(
    quarter: string,
    team?: string,
  ): Promise<{ score: number; improvement?: string }[]> {
    const query = this.db('adoption_survey_answers')
      .select('score', 'improvement')
      .where('quarter', quarter);
    if (team) query.andWhere('team', team);
    return (await query).map(r => ({
      score: Number(r.score),
      improvement: r.improvement ?? undefined,
    }));
  }
}
