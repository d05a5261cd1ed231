export interface Config {
  /** Paved's workload costs (plugin workload-cost). */
  workloadCost?: {
    /**
     * The price sheet for cluster resources. Every price names its unit, `per` being
     * `<unit>-hour` or `<unit>-month` (vCPU, GiB, GPU); a month is 730 hours. Any resource left
     * out takes OpenCost's built-in default (USD); a sheet in another currency must give all four.
     */
    prices?: {
      /** ISO 4217 code, e.g. USD or EUR. Default USD. */
      currency?: string;
      /** E.g. { amount: 23.08, per: vCPU-month }. Default 0.031611 per vCPU-hour. */
      cpu?: { amount: number; per: 'vCPU-hour' | 'vCPU-month' };
      /** E.g. { amount: 0.004237, per: GiB-hour }. Default 0.004237 per GiB-hour. */
      memory?: { amount: number; per: 'GiB-hour' | 'GiB-month' };
      /** Persistent volumes by capacity. Default 0.04 per GiB-month. */
      storage?: { amount: number; per: 'GiB-hour' | 'GiB-month' };
      /** Default 0.95 per GPU-hour. */
      gpu?: { amount: number; per: 'GPU-hour' | 'GPU-month' };
    };
    /**
     * How often a collection pass runs, in minutes: a divisor of 60 (each pass records the
     * current UTC hour, the last pass of an hour standing for it). Default 60.
     */
    collectEveryMinutes?: number;
    /**
     * Deadline of each call a pass makes to a cluster's API server or to OpenCost, in seconds
     * (1-300). A call past it fails that cluster's pass, naming the cluster. Default 30.
     */
    requestTimeoutSeconds?: number;
    /**
     * Monthly budgets by group ref, e.g. "group:default/checkout": 2500 or "2500 USD", in the
     * price sheet's currency. A group without one here may carry the paved.dev/monthly-budget
     * annotation instead.
     */
    budgets?: { [groupRef: string]: number | string };
    /**
     * OpenCost per cluster (the name of a kubernetes.clusterLocatorMethods cluster): where it
     * answers, its allocation figures replace the estimate for that cluster.
     */
    opencost?: {
      [clusterName: string]: {
        /**
         * Base URL of OpenCost's API, under which /allocation/compute answers, e.g.
         * http://opencost.opencost:9003 (or http://opencost-ui:9090/model through the UI).
         */
        url: string;
      };
    };
  };
  paved?: {
    goldenPath?: {
      offerings?: {
        [offering: string]: {
          /**
           * List prices of the offering's claims, read by the workload-cost plugin (the golden path
           * ignores it). `instance` has a price per tier ({ amount, per: instance-hour |
           * instance-month }), `storage` per GB ({ amount, per: GB-hour | GB-month }), and an
           * option turned on in the claim (e.g. multiAZ) multiplies the price:
           * optionMultipliers: { multiAZ: 2 }.
           */
          pricing?: {
            currency?: string;
            instance: {
              [tier: string]: {
                amount: number;
                per: 'instance-hour' | 'instance-month';
              };
            };
            storage?: { amount: number; per: 'GB-hour' | 'GB-month' };
            optionMultipliers?: {
              [option: string]:
                | number
                | { instance?: number; storage?: number };
            };
          };
        };
      };
    };
  };
}
