import { formatMoney } from '@internal/plugin-workload-cost-common';

/** Money in the backend's currency; "–" for an unknown amount. */
export const money = (amount: number | undefined, currency: string) =>
  amount === undefined ? '–' : formatMoney(amount, currency);

export const BREAKDOWN: {
  key: 'cpu' | 'memory' | 'storage' | 'gpu' | 'databases' | 'other';
  label: string;
}[] = [
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
  { key: 'storage', label: 'Storage' },
  { key: 'gpu', label: 'GPU' },
  { key: 'databases', label: 'Databases' },
  { key: 'other', label: 'Other (OpenCost)' },
];
