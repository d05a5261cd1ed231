import { Rate } from '@internal/plugin-adoption-metrics-common';

export const percent = (r: Rate) =>
  r.value === undefined ? '–' : `${Math.round(r.value * 100)} %`;

export const hours = (h: number | undefined) => {
  if (h === undefined) return '–';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} days`;
};

/** "+12 pts" against the previous period, or nothing when either side has no value. */
export function change(now: Rate, before: Rate) {
  if (now.value === undefined || before.value === undefined) return undefined;
  const points = Math.round((now.value - before.value) * 100);
  return `${points >= 0 ? '+' : ''}${points} pts vs previous period`;
}

/** The per-team table as CSV, for the "Download CSV" button. */
export function teamsCsv(
  teams: { owner: string; services: number; goldenPathAdoption: Rate }[],
) {
  const rows = teams.map(t =>
    [
      t.owner,
      t.services,
      t.goldenPathAdoption.numerator,
      t.goldenPathAdoption.denominator,
      t.goldenPathAdoption.value === undefined
        ? ''
        : t.goldenPathAdoption.value.toFixed(3),
    ].join(','),
  );
  return [
    'team,services,golden_path_services,all_services,adoption',
    ...rows,
  ].join('\n');
}
