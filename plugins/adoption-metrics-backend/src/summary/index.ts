export { adoptionSummary } from './adoptionSummary';
export type { SummaryRequest } from './adoptionSummary';
export { componentDelivery } from './componentDelivery';
export { resolveWindow } from './window';
