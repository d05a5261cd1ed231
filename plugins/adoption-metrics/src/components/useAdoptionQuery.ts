// The Adoption page's filters live in the URL (?range=90&owner=group:default/checkout), so a
// drill-down is a link and a view can be shared.
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { localDay, quarterOf } from '@internal/plugin-adoption-metrics-common';
import { Range } from '../AdoptionClient';

export const RANGE_CHOICES = [
  { key: '7', label: 'Last 7 days' },
  { key: '28', label: 'Last 28 days' },
  { key: '90', label: 'Last 90 days' },
  { key: 'quarter', label: 'This quarter' },
  { key: 'previous-quarter', label: 'Last quarter' },
  { key: 'custom', label: 'Custom range' },
];

function previousQuarter(quarter: string) {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The range a choice stands for, in the viewer's time zone; undefined while custom is half-filled. */
export function rangeOf(
  key: string,
  custom: { from?: string; to?: string },
  now = new Date(),
): Range | undefined {
  const today = localDay(
    now,
    new Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  if (key === 'quarter') return { quarter: quarterOf(today) };
  if (key === 'previous-quarter')
    return { quarter: previousQuarter(quarterOf(today)) };
  if (key === 'custom') {
    return custom.from && custom.to && custom.from <= custom.to
      ? { from: custom.from, to: custom.to }
      : undefined;
  }
  const days = Number(key);
  return [7, 28, 90].includes(days) ? { days } : { days: 28 };
}

export function useAdoptionQuery() {
  const [params, setParams] = useAppSearchParams();
  const rangeKey = params.get('range') ?? '28';
  const custom = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const owner = params.get('owner') ?? undefined;
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return {
    rangeKey,
    custom,
    range: rangeOf(rangeKey, custom),
    owner,
    setRange: (key: string) => update({ range: key }),
    setCustom: (from?: string, to?: string) =>
      update({ range: 'custom', from, to }),
    setOwner: (ref?: string) => update({ owner: ref }),
  };
}
