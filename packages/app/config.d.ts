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
  };
}
