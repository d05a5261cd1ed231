export interface Config {
  /** Paved's own settings. */
  paved?: {
    /**
     * Who may do what in Paved (plugins/permission-backend-module-paved-policy). Read once at
     * start-up; a bad value stops the backend with a message naming the field.
     */
    permissions?: {
      /**
       * The Group whose direct members may act for every team and hold the platform-only
       * permissions (registration, dry-run, template management, the Kubernetes proxy), as an
       * entity ref. Default: group:default/platform.
       */
      platformTeam?: string;
      /**
       * Groups (entity refs) whose direct members, with the platform team, may read the adoption
       * and cost views. Leave unset to let everyone signed in read them.
       */
      viewers?: string[];
    };
  };
}
