// @ts-check

/**
 * Hourly cost samples, the state of each cluster's pass per hour, and what the latest pass counted
 * per component. Hours are UTC ISO strings ('2026-11-23T10:00:00Z'), which sort and compare the
 * same way on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('workload_cost_samples', table => {
    table.comment(
      'The cost of one UTC hour per cluster, namespace and component',
    );
    table.string('hour', 20).notNullable().comment('Start of the UTC hour');
    table.string('day', 10).notNullable().comment('UTC day of the hour');
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    // Not null so that the unique key also holds for unallocated rows (NULLs never collide).
    table
      .string('component')
      .notNullable()
      .defaultTo('')
      .comment('Component entity ref, empty when no component matched');
    table.string('owner').nullable().comment('Owner of the component then');
    table
      .string('kind', 16)
      .notNullable()
      .comment('component, unallocated or idle (OpenCost)');
    table.string('currency', 3).notNullable();
    for (const column of [
      'cpu',
      'memory',
      'storage',
      'gpu',
      'databases',
      'other',
      'total',
    ]) {
      table.double(column).notNullable().defaultTo(0);
    }
    table.string('method').notNullable();
    table
      .boolean('complete')
      .notNullable()
      .comment('false when the pass of this cluster failed part-way');
    table.string('collected_at').notNullable();
    table.unique(['hour', 'cluster', 'namespace', 'component']);
    table.index(['component', 'hour']);
    table.index(['owner', 'hour']);
    table.index(['day']);
  });
  await knex.schema.createTable('workload_cost_passes', table => {
    table.comment(
      'Each cluster pass per hour: how it was priced, or why it failed',
    );
    table.string('hour', 20).notNullable();
    table.string('cluster').notNullable();
    table.string('method').notNullable();
    table.boolean('complete').notNullable();
    table.text('error').nullable();
    table.text('note').nullable().comment('E.g. no usage data: requests only');
    table.string('attempted_at').notNullable();
    table.primary(['hour', 'cluster']);
  });
  await knex.schema.createTable('workload_cost_counted', table => {
    table.comment(
      'What the latest pass counted, per cluster, namespace and component',
    );
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    table.string('component').notNullable().defaultTo('');
    table.string('hour', 20).notNullable();
    table
      .text('details')
      .notNullable()
      .comment('JSON: workloads, volumes, claims, notCounted');
    table.primary(['cluster', 'namespace', 'component']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('workload_cost_counted');
  await knex.schema.dropTable('workload_cost_passes');
  await knex.schema.dropTable('workload_cost_samples');
};
