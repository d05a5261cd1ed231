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
    /** How often the collectors run, in minutes. Default 5. */
    collectEveryMinutes?: number;
  };
}
