// How big each service's pods are, per environment: replicas and container requests/limits in the
// ranges such services really ask for (Go is lean, Node and Python need more memory, ML models more
// still), so that the cost views have realistic numbers to price.
import { randomStream } from './random.mjs';

const PROFILES = [
  // first match wins; cpu in millicores, memory in MiB, for staging (dev is half, production double)
  { when: s => s.tags.includes('ml'), cpu: [500, 1000], memory: [1024, 2048] },
  { when: s => s.type === 'website', cpu: [50, 150], memory: [128, 256] },
  { when: s => s.tags.includes('python'), cpu: [200, 500], memory: [384, 768] },
  {
    when: s => s.tags.includes('typescript'),
    cpu: [100, 300],
    memory: [256, 512],
  },
  { when: () => true, cpu: [100, 250], memory: [96, 256] },
];

const ENV_FACTOR = { dev: 0.5, staging: 1, production: 2 };

const roundUp = (value, step) => Math.max(step, Math.ceil(value / step) * step);

// Quantities in the API server's canonical form ("1", not "1000m"; "2Gi", not "2048Mi"): it stores
// them that way, and server-side apply would otherwise see a change on every run.
const cpuQuantity = millis =>
  millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
const memoryQuantity = mebibytes =>
  mebibytes % 1024 === 0 ? `${mebibytes / 1024}Gi` : `${mebibytes}Mi`;

export function replicasFor(service, env) {
  // The golden-path manifests run 2 replicas in production and 1 elsewhere.
  if (service.goldenPath) return env === 'production' ? 2 : 1;
  if (env === 'dev') return 1;
  if (env === 'staging') return 2;
  return randomStream(`replicas/${service.name}`).int(2, 3);
}

export function resourcesFor(service, env) {
  const rng = randomStream(`resources/${service.name}`);
  const profile = PROFILES.find(p => p.when(service));
  const factor = ENV_FACTOR[env] ?? 1;
  const cpu = roundUp(rng.int(...profile.cpu) * factor, 50);
  const memory = roundUp(rng.int(...profile.memory) * factor, 64);
  // Card-data services run with memory limit = request (no overcommit, predictable eviction order).
  const memoryLimit = service.tags.includes('pci')
    ? memory
    : roundUp(memory * 1.5, 64);
  return {
    requests: { cpu: cpuQuantity(cpu), memory: memoryQuantity(memory) },
    limits: {
      cpu: cpuQuantity(Math.min(cpu * 2, 4000)),
      memory: memoryQuantity(memoryLimit),
    },
  };
}

/** Size of the data volume of services with a database (exports, local cache), per environment. */
export function volumeSizeFor(service, env) {
  const base = { dev: 5, staging: 10, production: 20 }[env] ?? 10;
  return `${base * randomStream(`volume/${service.name}`).int(1, 3)}Gi`;
}
