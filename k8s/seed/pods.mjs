// A service's Pod template: the spec its golden-path manifests give its Pods. The Deployment
// controller makes the Pods from it; KWOK's fake nodes run them.
import { resourcesFor } from './sizing.mjs';

/** Where the demo organisation's cloud resources (its databases) live. */
export const REGION = 'eu-central-1';

export function podSpec(service, env, image, ns) {
  const volumes = [{ name: 'tmp', emptyDir: {} }];
  const mounts = [{ name: 'tmp', mountPath: '/tmp' }];
  if (service.databases.length) {
    volumes.push({
      name: 'data',
      persistentVolumeClaim: { claimName: `${service.name}-data` },
    });
    mounts.push({ name: 'data', mountPath: '/var/lib/app' });
  }
  return {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: 'app',
        image,
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        env: [
          { name: 'PORT', value: '8080' },
          { name: 'OTEL_SERVICE_NAME', value: service.name },
          {
            name: 'OTEL_RESOURCE_ATTRIBUTES',
            value: `deployment.environment.name=${env},service.namespace=${ns}`,
          },
        ],
        resources: resourcesFor(service, env),
        livenessProbe: {
          httpGet: { path: '/healthz', port: 'http' },
          periodSeconds: 10,
        },
        readinessProbe: {
          httpGet: { path: '/readyz', port: 'http' },
          periodSeconds: 5,
        },
        volumeMounts: mounts,
      },
    ],
    volumes,
  };
}
