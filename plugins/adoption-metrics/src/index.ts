/**
 * The Adoption page of the Paved portal.
 *
 * @packageDocumentation
 */
export { adoptionMetricsPlugin as default } from './plugin';
