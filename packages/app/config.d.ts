export interface Config {
  /** Paved's own frontend settings. */
  paved?: {
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order: `guest` (development only)
       * and `github`.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'github'>;
    };
    /**
     * Entity ref of the template that the home page's "Create a service" button opens.
     * @visibility frontend
     */
    goldenPathTemplate?: string;
    /** Read by the Create form to say whom to ask when it refuses (modules/goldenPath). */
    permissions?: {
      /**
       * The team that may act for every team (default group:default/platform); the policy
       * reads it too.
       * @visibility frontend
       */
      platformTeam?: string;
    };
    goldenPath?: {
      offerings?: {
        [offering: string]: {
          /**
           * Where the platform team takes requests (a channel, a URL); the Create form names it
           * when it refuses.
           * @visibility frontend
           */
          approvalContact?: string;
        };
      };
    };
  };
}
