// One answer to "is this backend running in production?", for every guard that refuses a
// laptop-only setting there: NODE_ENV=production (the container image sets it) or
// auth.environment: production (app-config.production.yaml sets it). Either one is enough, so a
// production config started without NODE_ENV, or the image started with a laptop config, is
// still treated as production.
/** The one config read these need (a Backstage Config or RootConfigService). */
export interface ConfigWithAuthEnvironment {
  getOptionalString(key: string): string | undefined;
}

export interface ProductionSignals {
  /** `NODE_ENV` as the process sees it. */
  nodeEnv: string | undefined;
  /** `auth.environment` from the config. */
  authEnvironment: string | undefined;
}

/** What the backend's environment says about production, for refusals to quote. */
export function productionSignals(
  config: ConfigWithAuthEnvironment,
  env: NodeJS.ProcessEnv = process.env,
): ProductionSignals {
  return {
    nodeEnv: env.NODE_ENV,
    authEnvironment: config.getOptionalString('auth.environment'),
  };
}

/** True when NODE_ENV or auth.environment is `production`. */
export function runsInProduction(
  config: ConfigWithAuthEnvironment,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const { nodeEnv, authEnvironment } = productionSignals(config, env);
  return nodeEnv === 'production' || authEnvironment === 'production';
}

/** "NODE_ENV=production, auth.environment=production": why a guard thinks this is production. */
export function describeProductionSignals(
  config: ConfigWithAuthEnvironment,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const { nodeEnv, authEnvironment } = productionSignals(config, env);
  return `NODE_ENV=${nodeEnv ?? 'unset'}, auth.environment=${
    authEnvironment ?? 'unset'
  }`;
}
