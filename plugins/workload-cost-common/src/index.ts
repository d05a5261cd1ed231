/**
 * Paved's cost model, shared by the workload-cost backend (which fetches and prices) and the
 * frontend (which shows each number with what it counts): quantities, the price sheet, workload
 * and claim pricing, forecasts, budgets, money formatting and Cost Insights' shapes. Pure
 * functions, no I/O.
 *
 * @packageDocumentation
 */
export * from './quantity';
export * from './currency';
export * from './priceSheet';
export * from './costBreakdown';
export * from './podSpec';
export * from './efficiency';
export * from './workloadPricing';
export * from './claimPricing';
export * from './utcDays';
export * from './change';
export * from './forecast';
export * from './budget';
export * from './money';
export * from './costInsights';
export * from './annotations';
export * from './permissions';
export * from './api';
