// @ts-check

/**
 * When each day's catalog snapshot was last written: replicas keep a snapshot in memory and
 * check this one row to know whether it is still the current one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adoption_snapshot_days', table => {
    table.comment('The days with a catalog snapshot and when each was written');
    table.string('day').primary();
    table.string('saved_at').notNullable();
  });
  const days = await knex('adoption_catalog_snapshots').distinct('day');
  const now = new Date().toISOString();
  for (const { day } of days) {
    await knex('adoption_snapshot_days').insert({ day, saved_at: now });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('adoption_snapshot_days');
};
