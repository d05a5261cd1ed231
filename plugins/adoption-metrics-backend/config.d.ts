export interface Config {
  /** Paved's adoption metrics (plugin adoption-metrics). */
  adoptionMetrics?: {
    /**
     * Templates whose services count as made on the golden path, as entity refs.
     * Default: template:default/new-microservice.
     */
    recommendedTemplates?: string[];
    /** The environment (label paved.dev/environment of Applications) DORA counts. Default production. */
    productionEnvironment?: string;
    /**
     * The DORA band table: `version` (shown beside every band) and, per metric
     * (deploymentFrequency, leadTimeHours, timeToRestoreHours, changeFailureRate),
     * `{ better: lower|higher, inclusive, elite, high, medium }`. Default: dora-2023.
     */
    bands?: {
      version: string;
      metrics: Record<
        string,
        {
          better: 'lower' | 'higher';
          inclusive: boolean;
          elite: number;
          high: number;
          medium: number;
        }
      >;
    };
    /** How often the collectors run, in minutes. Default 5. */
    collectEveryMinutes?: number;
    /**
     * Developer hours one golden-path run saves against doing it by hand (seed 001: ~40 h before,
     * ~4 h after). Default 36.
     */
    hoursSavedPerRun?: number;
    /** What a developer hour is worth, to turn time saved into money. Default 150. */
    hourlyRate?: number;
    /** ISO 4217 currency of hourlyRate. Default USD. */
    currency?: string;
    /**
     * The secret salt of the pseudonyms people are stored as (HMAC-SHA256 of the user entity ref),
     * at least 32 characters (e.g. `openssl rand -hex 32`). Set it from PAVED_PSEUDONYM_SALT, never
     * in the database that holds the pseudonyms. Required in production (NODE_ENV=production: the
     * backend refuses to start without it); elsewhere, when absent, one is generated once and kept
     * in the plugin's database, with a warning. Changing it makes everyone new to the usage and
     * survey figures.
     * @visibility secret
     */
    pseudonymSalt?: string;
    /**
     * How many people could use the portal: the denominator of DAU, WAU and MAU. Overrides the
     * default, the catalog's User entities (or a team's members when filtered by team).
     */
    eligiblePeople?: number;
    /** The quarterly satisfaction survey shown in the portal. */
    survey?: {
      /** Whether the portal asks (once a quarter, per person). Default true. */
      enabled?: boolean;
      /**
       * Fewer answers than this (overall or for a team) hide the figures and the free text, so
       * answers can't be told apart. Default 5, at least 2.
       */
      minResponses?: number;
    };
  };
}
