// @ts-check

/**
 * The repository an Application deploys from, so the commit times of what a deploy brought can be
 * asked of the SCM (lead time for changes).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('adoption_deploys', table => {
    table
      .string('repo_url')
      .nullable()
      .comment('spec.source.repoURL of the Application');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('adoption_deploys', table => {
    table.dropColumn('repo_url');
  });
};
