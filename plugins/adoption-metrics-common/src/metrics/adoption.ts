// Golden-path adoption and the self-service rate, from the catalog and the cluster's claims.
import { Rate, rate } from '../rate';

export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
/** Stamped on every object a golden-path task creates (the scaffolder task id). */
export const SCAFFOLDER_TASK_ANNOTATION = 'paved.dev/scaffolder-task';

export interface CatalogComponent {
  kind: string;
  metadata: { annotations?: Record<string, string> };
  spec?: { type?: unknown; scaffoldedFrom?: unknown };
}

/** The template a component was made from, by annotation or by `spec.scaffoldedFrom`. */
export function sourceTemplate(entity: CatalogComponent): string | undefined {
  const ref =
    entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION] ??
    (typeof entity.spec?.scaffoldedFrom === 'string'
      ? entity.spec.scaffoldedFrom
      : undefined);
  return ref?.toLowerCase();
}

/**
 * Services made from a recommended template, out of all `Component`s of type service.
 * `recommended` holds template refs such as template:default/new-microservice.
 */
export function goldenPathAdoption(
  entities: CatalogComponent[],
  recommended: string[],
): Rate {
  const wanted = new Set(recommended.map(r => r.toLowerCase()));
  const services = entities.filter(
    e => e.kind.toLowerCase() === 'component' && e.spec?.type === 'service',
  );
  const paved = services.filter(e => {
    const template = sourceTemplate(e);
    return template !== undefined && wanted.has(template);
  });
  return rate(paved.length, services.length);
}

export interface InfrastructureClaim {
  metadata: { annotations?: Record<string, string> };
}

/**
 * Infrastructure requests fulfilled without a human: claims a golden-path task made, out of all
 * claims found in the clusters (the others were written by hand or by a ticket).
 */
export function selfServiceRate(claims: InfrastructureClaim[]): Rate {
  const selfService = claims.filter(
    c => c.metadata.annotations?.[SCAFFOLDER_TASK_ANNOTATION],
  );
  return rate(selfService.length, claims.length);
}
