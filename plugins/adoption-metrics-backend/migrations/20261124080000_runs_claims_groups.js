// @ts-check

/**
 * Three more sources: the scaffolder's task records (template time to production), the Crossplane
 * claims found in the clusters (self-service rate), and the catalog's group tree (a team filter that
 * rolls up sub-teams). Components also keep the creation time the golden path stamps on them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adoption_template_runs', table => {
    table.comment('Scaffolder tasks, without who ran them');
    table.string('task_id').primary();
    table.string('template_ref').notNullable();
    table.string('status').notNullable();
    table.string('created_at').notNullable().comment('UTC ISO time');
    table.string('finished_at').nullable().comment('UTC ISO time');
    table
      .string('component')
      .nullable()
      .comment('The name the task was asked to create');
    table.index(['created_at']);
    table.index(['component']);
  });
  await knex.schema.createTable('adoption_claims', table => {
    table.comment(
      'Crossplane claims seen in the clusters, kept after deletion',
    );
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    table.string('kind').notNullable();
    table.string('name').notNullable();
    table.string('component').nullable();
    table.string('owner').nullable();
    table
      .string('task_id')
      .nullable()
      .comment('paved.dev/scaffolder-task: made by a golden-path task');
    table.string('created_at').notNullable().comment('creationTimestamp, UTC');
    table.string('last_seen_at').notNullable();
    table.string('gone_at').nullable().comment('First pass it was missing');
    table.primary(['cluster', 'namespace', 'kind', 'name']);
    table.index(['created_at']);
  });
  await knex.schema.createTable('adoption_groups', table => {
    table.comment('The catalog group tree as of the last pass');
    table.string('ref').primary();
    table.string('parent').nullable();
    table.string('title').nullable();
  });
  await knex.schema.alterTable('adoption_catalog_snapshots', table => {
    table
      .string('created_at')
      .nullable()
      .comment('paved.dev/created-at of the component, UTC');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('adoption_catalog_snapshots', table => {
    table.dropColumn('created_at');
  });
  await knex.schema.dropTable('adoption_groups');
  await knex.schema.dropTable('adoption_claims');
  await knex.schema.dropTable('adoption_template_runs');
};
