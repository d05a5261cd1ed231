// @ts-check

/**
 * Portal use and the quarterly survey. People appear only as salted pseudonyms (HMAC-SHA256 of
 * the user ref), and the survey's answers are kept apart from who was asked, with nothing that
 * joins them: no pseudonym and no time finer than the day on an answer.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adoption_secrets', table => {
    table.comment(
      'Secrets the plugin made itself, e.g. the pseudonym salt when none is configured',
    );
    table.string('name').primary();
    table.text('value').notNullable();
  });
  await knex.schema.createTable('adoption_usage_hours', table => {
    table.comment('One row per person (pseudonym) and UTC hour with an event');
    table
      .string('hour')
      .notNullable()
      .comment('UTC start of the hour, ISO, e.g. 2026-11-24T09:00:00.000Z');
    table.string('pseudonym').notNullable();
    table
      .string('team')
      .nullable()
      .comment(
        'First group (memberOf) of the person when first seen that hour',
      );
    table.primary(['hour', 'pseudonym']);
    table.index(['team', 'hour']);
  });
  await knex.schema.createTable('adoption_usage_first_seen', table => {
    table.comment(
      'The first hour each person (pseudonym) was seen: "new" people',
    );
    table.string('pseudonym').primary();
    table.string('first_hour').notNullable().index();
  });
  await knex.schema.createTable('adoption_usage_counts', table => {
    table.comment('Events per UTC day, team, plugin and action: what is used');
    table.string('day').notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .string('team')
      .notNullable()
      .comment('Group ref, or the empty string when unknown');
    table.string('plugin_id').notNullable();
    table.string('action').notNullable();
    table.integer('events').notNullable();
    table.primary(['day', 'team', 'plugin_id', 'action']);
  });
  await knex.schema.createTable('adoption_survey_asked', table => {
    table.comment(
      'Who answered or dismissed the survey in a quarter (once a quarter); no answers here',
    );
    table.string('quarter').notNullable().comment('UTC quarter, e.g. 2026-Q4');
    table.string('pseudonym').notNullable();
    table.primary(['quarter', 'pseudonym']);
  });
  await knex.schema.createTable('adoption_survey_answers', table => {
    table.comment(
      'Survey answers without identity: no pseudonym, no time finer than the day',
    );
    // A random id, not a sequence: a sequence would give the order of the answers.
    table.uuid('id').primary();
    table.string('quarter').notNullable();
    table.integer('score').notNullable().comment('0..10');
    table.text('improvement').nullable();
    table.string('team').nullable();
    table.string('answered_day').notNullable().comment('UTC day, YYYY-MM-DD');
    table.index(['quarter', 'team']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('adoption_survey_answers');
  await knex.schema.dropTable('adoption_survey_asked');
  await knex.schema.dropTable('adoption_usage_counts');
  await knex.schema.dropTable('adoption_usage_first_seen');
  await knex.schema.dropTable('adoption_usage_hours');
  await knex.schema.dropTable('adoption_secrets');
};
