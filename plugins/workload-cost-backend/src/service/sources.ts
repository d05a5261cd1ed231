// How a figure was made, in words for the card: per cluster the allocation method, what the pass
// noted (e.g. no usage data), the price sheet's origin, and that claims are list prices.
import { PRICED_RESOURCES } from '@internal/plugin-workload-cost-common';
import { CostSettings } from '../settings';
import { CostStore } from '../store/CostStore';

const METHODS: Record<string, string> = {
  requests: 'pod requests',
  'max(request, usage)':
    'max(request, usage) per container, usage from metrics.k8s.io',
  mixed: 'max(request, usage) where pods had usage data, requests elsewhere',
  OpenCost: "OpenCost's allocation API (the last closed hour)",
};

/** 'requests' | 'max(request, usage)' | 'mixed' | 'OpenCost', and a sentence per source. */
export async function describeSources(
  store: CostStore,
  settings: CostSettings,
  filter: {
    from: string;
    to: string;
    currency: string;
    components?: string[];
    owners?: string[];
  },
): Promise<{ method: string; source: string }> {
  const [sources, passes] = await Promise.all([
    store.samples.sources(filter),
    store.latestPasses(),
  ]);
  const methods = [...new Set(sources.map(s => s.method))];
  const clusters = [...new Set(sources.map(s => s.cluster))];
  const sentences = clusters.map(cluster => {
    const used = sources
      .filter(s => s.cluster === cluster)
      .map(s => METHODS[s.method] ?? s.method);
    const note = passes.find(p => p.cluster === cluster)?.note;
    return `${cluster}: ${used.join(' and ')}${note ? ` (${note})` : ''}`;
  });
  const builtIn = PRICED_RESOURCES.filter(
    r => settings.prices.sources[r].from === 'built-in',
  );
  const sheet =
    builtIn.length === PRICED_RESOURCES.length
      ? "prices: OpenCost's built-in defaults"
      : `prices: workloadCost.prices${
          builtIn.length ? ` (built-in defaults for ${builtIn.join(', ')})` : ''
        }`;
  let method = 'none';
  if (methods.length === 1) method = methods[0];
  else if (methods.length > 1) method = 'mixed';
  return {
    method,
    source: [
      ...sentences,
      sheet,
      'Crossplane claims at list price from paved.goldenPath.offerings.<id>.pricing',
    ].join('; '),
  };
}
