// A history of hourly samples up to the current hour, as the collector would have left it, for
// tests of what the API makes of it.
import { hourOf } from '../hours';
import { CostStore } from '../store/CostStore';
import { CostSample, ZERO_PARTS } from '../store/types';

export interface SeededSample {
  component?: string;
  owner?: string;
  kind?: CostSample['kind'];
  namespace?: string;
  /** Per hour, split evenly over CPU and memory. */
  hourly: number;
  databases?: number;
}

/** Every hour from `days` days before the current hour up to it, each with the same samples. */
export async function seedHours(
  store: CostStore,
  samples: SeededSample[],
  options: { days: number; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  for (let offset = -options.days * 24; offset <= 0; offset++) {
    const hour = hourOf(now, offset);
    await store.saveClusterHour({
      pass: {
        hour,
        cluster: 'paved-local',
        method: 'requests',
        complete: true,
        note: 'cluster paved-local does not serve metrics.k8s.io',
        attemptedAt: hour,
      },
      samples: samples.map(s => ({
        ...ZERO_PARTS,
        hour,
        cluster: 'paved-local',
        namespace: s.namespace ?? 'shop',
        component: s.component,
        owner: s.owner,
        kind: s.kind ?? (s.component ? 'component' : 'unallocated'),
        currency: 'USD',
        cpu: (s.hourly - (s.databases ?? 0)) / 2,
        memory: (s.hourly - (s.databases ?? 0)) / 2,
        databases: s.databases ?? 0,
        total: s.hourly,
        method: 'requests',
        complete: true,
      })),
      counted:
        offset === 0
          ? samples
              .filter(s => s.component)
              .map(s => ({
                cluster: 'paved-local',
                namespace: s.namespace ?? 'shop',
                component: s.component,
                hour,
                complete: true,
                workloads: [
                  {
                    kind: 'Pod',
                    name: 'api-1',
                    method: 'requests',
                    cost: s.hourly,
                  },
                ],
                volumes: [],
                claims: [],
                notCounted: [],
              }))
          : [],
    });
  }
}
