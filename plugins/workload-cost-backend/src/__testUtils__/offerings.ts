// The postgresql offering of app-config.yaml with its pricing, as the tests configure it.
export const POSTGRESQL_OFFERING = {
  title: 'PostgreSQL',
  apiVersion: 'platform.paved.dev/v1alpha1',
  kind: 'PostgreSQLInstance',
  tiers: {
    small: { description: 'db.t3.small' },
    standard: { description: 'db.t3.medium' },
    large: { description: 'db.r6g.large' },
  },
  pricing: {
    currency: 'USD',
    instance: {
      small: { amount: 0.036, per: 'instance-hour' },
      standard: { amount: 0.072, per: 'instance-hour' },
      large: { amount: 0.26, per: 'instance-hour' },
    },
    storage: { amount: 0.115, per: 'GB-month' },
    optionMultipliers: { multiAZ: 2 },
  },
};
