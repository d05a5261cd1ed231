export { AdoptionAnalytics } from './AdoptionAnalytics';
export type { AdoptionAnalyticsOptions } from './AdoptionAnalytics';
