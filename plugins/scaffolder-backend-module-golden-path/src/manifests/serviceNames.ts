// The names the golden path derives from a service name and environment. One place, because the
// catalog annotations, the Argo CD Application, the claim and the adoption and cost features must
// all agree on them.
import { InputError } from '@backstage/errors';

/** The service-name rule of the template (DESIGN.md): 4 to 30 characters, DNS-label safe. */
export const SERVICE_NAME = /^[a-z][a-z0-9-]{2,28}[a-z0-9]$/;

export function checkServiceName(name: string): void {
  if (!SERVICE_NAME.test(name)) {
    throw new InputError(
      `"${name}" is not a valid service name: use 4 to 30 characters, lowercase letters, digits ` +
        'and hyphens, starting with a letter and ending with a letter or digit (e.g. orders-api).',
    );
  }
}

export interface ServiceNames {
  /** Kubernetes namespace the service runs in. */
  namespace: string;
  /** Argo CD Application name. */
  applicationName: string;
}

export function serviceNames(name: string, environment: string): ServiceNames {
  return {
    namespace: `${name}-${environment}`,
    applicationName: `${name}-${environment}`,
  };
}

/** `group:default/checkout` or `checkout` → `checkout`. */
export function ownerName(owner: string): string {
  const match = /^(?:[a-z]+:)?(?:[a-z0-9-]+\/)?([a-z0-9][a-z0-9._-]*)$/i.exec(
    owner,
  );
  if (!match) {
    throw new InputError(
      `"${owner}" is not an owner reference: pick a team, e.g. group:default/checkout.`,
    );
  }
  return match[1].toLowerCase();
}
