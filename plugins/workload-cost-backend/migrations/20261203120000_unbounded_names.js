// @ts-check

/**
 * The columns that hold catalog and cluster names (component and owner refs, cluster names from
 * config, namespaces, the pricing method) become text: varchar(255) refused a longer ref on
 * PostgreSQL, and such a ref is anyone's to register. SQLite never enforced the length (a
 * declared varchar is stored as TEXT), so only PostgreSQL has anything to change; the columns'
 * nullability, defaults and indexes stay as they are.
 */
const COLUMNS = {
  workload_cost_samples: [
    'cluster',
    'namespace',
    'component',
    'owner',
    'method',
  ],
  workload_cost_passes: ['cluster', 'method'],
  workload_cost_counted: ['cluster', 'namespace', 'component'],
};

/**
 * @param {import('knex').Knex} knex
 * @param {string} type
 */
async function retype(knex, type) {
  if (knex.client.config.client !== 'pg') return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      await knex.raw(`ALTER TABLE ?? ALTER COLUMN ?? TYPE ${type}`, [
        table,
        column,
      ]);
    }
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await retype(knex, 'text');
};

/**
 * Back to varchar(255); fails while a longer value is stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await retype(knex, 'varchar(255)');
};
