/**
 * Paved's cost screens (frontend, new frontend system).
 *
 * @packageDocumentation
 */
export { workloadCostPlugin as default } from './plugin';
