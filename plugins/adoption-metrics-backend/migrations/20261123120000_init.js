// @ts-check

/**
 * The adoption metrics' own record. Argo CD keeps only the last 10 syncs of an Application and the
 * catalog keeps no history, so what the collectors see is kept here for good.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adoption_deploys', table => {
    table.comment(
      'Production and other deploys seen in Argo CD, kept past its history limit',
    );
    table.increments('id');
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    table.string('application').notNullable();
    // A history entry (`sync:<id>:<deployedAt>`) or a failed operation (`failed:<startedAt>`).
    table.string('event_key').notNullable();
    table
      .string('component')
      .nullable()
      .comment('backstage.io/kubernetes-id of the Application');
    table.string('environment').nullable();
    table.string('outcome').notNullable().comment('succeeded or failed');
    table.string('revision').notNullable();
    table.string('at').notNullable().comment('UTC ISO time the sync finished');
    table
      .text('commit_times')
      .nullable()
      .comment('JSON array of UTC ISO commit times');
    table.unique(['cluster', 'namespace', 'application', 'event_key']);
    table.index(['component', 'at']);
  });
  await knex.schema.createTable('adoption_catalog_snapshots', table => {
    table.comment(
      'One row per service per day: who owns it and which template made it',
    );
    table.string('day').notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('entity_ref').notNullable();
    table.string('owner').nullable();
    table.string('type').nullable();
    table.string('source_template').nullable();
    table.primary(['day', 'entity_ref']);
  });
  await knex.schema.createTable('adoption_collector_status', table => {
    table.comment('When each collector last succeeded, and why it last failed');
    table.string('collector').primary();
    table.string('last_attempt_at').notNullable();
    table.string('last_success_at').nullable();
    table.text('last_error').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('adoption_collector_status');
  await knex.schema.dropTable('adoption_catalog_snapshots');
  await knex.schema.dropTable('adoption_deploys');
};
