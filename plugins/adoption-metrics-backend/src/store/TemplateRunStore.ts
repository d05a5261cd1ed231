// The scaffolder's task records, kept here because the scaffolder may clean old tasks up. Who ran
// a task is not kept: the metrics need the template, the times and what it made.
import { Knex } from 'knex';

export interface TemplateRunRow {
  taskId: string;
  templateRef: string;
  status: string;
  createdAt: string;
  finishedAt?: string;
  /** The service name the task was asked to create. */
  component?: string;
}

const TABLE = 'adoption_template_runs';

export class TemplateRunStore {
  constructor(private readonly db: Knex) {}

  /** Adds new runs and brings known ones up to date (a task moves from open to completed). */
  async save(rows: TemplateRunRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await this.db(TABLE)
        .insert(
          rows.slice(i, i + 200).map(r => ({
            task_id: r.taskId,
            template_ref: r.templateRef,
            status: r.status,
            created_at: r.createdAt,
            finished_at: r.finishedAt ?? null,
            component: r.component ?? null,
          })),
        )
        .onConflict('task_id')
        .merge(['status', 'finished_at']);
    }
  }

  /** The runs created in [from, to), oldest first. */
  async runs(options: {
    from: string;
    to: string;
    component?: string;
  }): Promise<TemplateRunRow[]> {
    const query = this.db(TABLE)
      .where('created_at', '>=', options.from)
      .andWhere('created_at', '<', options.to)
      .orderBy('created_at');
    if (options.component) query.andWhere('component', options.component);
    const rows = await query;
    return rows.map(r => ({
      taskId: r.task_id,
      templateRef: r.template_ref,
      status: r.status,
      createdAt: r.created_at,
      finishedAt: r.finished_at ?? undefined,
      component: r.component ?? undefined,
    }));
  }

  /** Ids of runs already recorded as finished, so a pass can stop paging early. */
  async finishedIds(taskIds: string[]): Promise<Set<string>> {
    if (!taskIds.length) return new Set();
    const rows = await this.db(TABLE)
      .whereIn('task_id', taskIds)
      .whereIn('status', ['completed', 'failed', 'cancelled'])
      .select('task_id');
    return new Set(rows.map(r => r.task_id));
  }
}
