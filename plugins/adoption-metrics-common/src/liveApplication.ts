/**
 * One Argo CD Application of a service as Argo CD reports it now: what `GET /applications` of the
 * adoption-metrics backend answers (in `items`) and the Delivery card shows per environment.
 */
export interface LiveApplication {
  cluster: string;
  namespace: string;
  name: string;
  /** Its `paved.dev/environment` label. */
  environment?: string;
  /** Synced, OutOfSync or Unknown; undefined before Argo CD first looked at it. */
  sync?: string;
  health?: string;
  healthMessage?: string;
  lastOperation?: {
    phase?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
  };
  lastDeploy?: { revision?: string; deployedAt: string };
  /** Argo CD's conditions (ComparisonError, SharedResourceWarning, ...): type and message. */
  conditions: { type: string; message?: string }[];
}
