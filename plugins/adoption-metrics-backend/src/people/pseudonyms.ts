// People are stored as HMAC-SHA256(salt, user entity ref): stable, so distinct people can be
// counted, and not reversible without the salt. The salt comes from config
// (adoptionMetrics.pseudonymSalt) or is made once and kept in the plugin's database, so it survives
// restarts and every replica uses the same one.
import { createHmac, randomBytes } from 'node:crypto';
import { Knex } from 'knex';

const SALT_NAME = 'pseudonym-salt';

export class Pseudonyms {
  private salt?: Promise<string>;

  constructor(
    private readonly db: Knex,
    private readonly configuredSalt?: string,
  ) {}

  /** The pseudonym of a user entity ref (lower-cased first: refs are case-insensitive). */
  async of(userEntityRef: string): Promise<string> {
    const salt = await this.loadSalt();
    return createHmac('sha256', salt)
      .update(userEntityRef.toLocaleLowerCase('en-US'))
      .digest('hex');
  }

  private loadSalt(): Promise<string> {
    if (this.configuredSalt) return Promise.resolve(this.configuredSalt);
    this.salt ??= this.storedSalt().catch(error => {
      this.salt = undefined; // try again on the next call
      throw error;
    });
    return this.salt;
  }

  private async storedSalt(): Promise<string> {
    // Insert-or-ignore, then read: two replicas starting together end up with the same salt.
    await this.db('adoption_secrets')
      .insert({ name: SALT_NAME, value: randomBytes(32).toString('hex') })
      .onConflict('name')
      .ignore();
    const row = await this.db('adoption_secrets')
      .where('name', SALT_NAME)
      .first();
    return row.value;
  }
}
