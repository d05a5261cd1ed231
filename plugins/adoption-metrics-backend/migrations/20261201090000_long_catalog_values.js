// @ts-check

/**
 * Catalog and cluster values have no length limit, but `string()` is varchar(255): on PostgreSQL
 * one Component with a longer owner, type or source template made every daily snapshot fail (its
 * rows are written in one transaction), and SQLite, which ignores the length, hid it. Every column
 * filled from an entity, an annotation, a label-free Kubernetes field or a task's parameters
 * becomes `text`. Kept as they are: keys and indexed columns that hold entity refs or Kubernetes
 * names (the catalog and Kubernetes cap their parts at 63 and 253 characters) and values the
 * plugin writes itself (times, outcomes, statuses, pseudonyms, quarters).
 */
/** @type {Record<string, Record<string, 'nullable' | 'notNullable'>>} */
const LONG_COLUMNS = {
  adoption_catalog_snapshots: {
    owner: 'nullable', // spec.owner
    type: 'nullable', // spec.type
    source_template: 'nullable', // an annotation
  },
  adoption_deploys: {
    revision: 'notNullable', // a multi-source Application joins its revisions
    repo_url: 'nullable', // spec.source.repoURL
  },
  adoption_template_runs: {
    template_ref: 'notNullable', // from the task's spec
    component: 'nullable', // a parameter of the task
  },
  adoption_claims: {
    owner: 'nullable', // an annotation
    task_id: 'nullable', // an annotation
  },
  adoption_groups: {
    parent: 'nullable', // spec.parent
    title: 'nullable', // metadata.title
  },
};

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const [tableName, columns] of Object.entries(LONG_COLUMNS)) {
    await knex.schema.alterTable(tableName, table => {
      for (const [column, nullability] of Object.entries(columns)) {
        table.text(column)[nullability]().alter();
      }
    });
  }
};

/**
 * Back to varchar(255). On PostgreSQL this fails while a longer value is stored: shorten or
 * delete those rows first.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const [tableName, columns] of Object.entries(LONG_COLUMNS)) {
    await knex.schema.alterTable(tableName, table => {
      for (const [column, nullability] of Object.entries(columns)) {
        table.string(column)[nullability]().alter();
      }
    });
  }
};
