/**
 * Paved's adoption metrics backend: catalog snapshots and Argo CD deploy history kept in its own
 * tables, and the metrics computed from them.
 *
 * @packageDocumentation
 */
export { adoptionMetricsPlugin as default } from './plugin';
