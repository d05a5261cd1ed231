// Every side effect of the golden path is recorded by the auditor: who asked (the task's user),
// what was touched (entity, repository, manifest), the task, and whether it worked. Meta values
// are names and locations only: never a token, a header or a connection secret.
import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/** The audit event ids of the golden path (pluginId scaffolder, module golden-path). */
export type GoldenPathAuditEventId =
  | 'repository-create'
  | 'repository-push'
  | 'claim-write'
  | 'application-write'
  | 'catalog-register';

export interface AuditedStep {
  auditor: AuditorService;
  eventId: GoldenPathAuditEventId;
  /** The task's user entity ref. */
  actor: string;
  taskId: string;
  /** What is touched: entityRef, repository, location, cluster, ... */
  meta: JsonObject;
}

/** Runs `fn` as one audited side effect; `result` adds what happened (created, reused, ...). */
export async function auditSideEffect<T>(
  step: AuditedStep,
  fn: () => Promise<T>,
  result: (value: T) => JsonObject = () => ({}),
): Promise<T> {
  const event = await step.auditor.createEvent({
    eventId: step.eventId,
    severityLevel: 'medium',
    meta: { actor: step.actor, taskId: step.taskId, ...step.meta },
  });
  try {
    const value = await fn();
    await event.success({ meta: result(value) });
    return value;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
