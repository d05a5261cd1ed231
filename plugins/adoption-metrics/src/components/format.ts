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

/** A ratio as a fixed decimal for CSV, empty when undefined. */
export const ratio = (r: Rate) =>
  r.value === undefined ? '' : r.value.toFixed(3);

/** "+3 h" style change of a duration against the previous period. */
export function hoursChange(now?: number, before?: number) {
  if (now === undefined || before === undefined) return undefined;
  const diff = now - before;
  return `${diff >= 0 ? '+' : '−'}${hours(Math.abs(diff))} vs previous period`;
}

/** Money in the configured currency, formatted by the browser's locale. */
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
