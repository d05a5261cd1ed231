/**
 * Paved's workload cost backend: hourly cost samples from the Kubernetes API, the golden path's
 * claims and OpenCost where configured, served per service, per team and in Cost Insights' shape.
 *
 * @packageDocumentation
 */
export { workloadCostPlugin as default } from './plugin';
