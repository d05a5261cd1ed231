export interface Config {
  auth?: {
    providers?: {
      /**
       * Test-only sign-in (plugins/auth-backend-module-paved-test-provider): GET
       * /api/auth/paved-test/refresh signs in the catalog User named in a request header. Never
       * set it outside tests: the backend refuses to start with it when NODE_ENV or
       * auth.environment is 'production'.
       */
      'paved-test'?: {
        /** The request header naming the user. Default: x-paved-test-user. */
        header?: string;
      };
      /**
       * Development guest sign-in: signs in as `userEntityRef` (a catalog User). Refuses to start
       * when NODE_ENV or auth.environment is 'production'; outside NODE_ENV=development it
       * refuses sign-in unless dangerouslyAllowOutsideDevelopment is true. Set it to null to
       * turn it off (app-config.production.yaml does).
       */
      guest?: {
        /** The catalog User the guest signs in as. Default: user:default/guest. */
        userEntityRef?: string;
        /** Allow guest sign-in when NODE_ENV is not 'development' (still never in production). */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
