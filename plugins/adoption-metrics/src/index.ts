/**
 * The Adoption page of the Paved portal.
 *
 * @packageDocumentation
 */
export { adoptionMetricsPlugin as default } from './plugin';
// The portal's analytics events to the adoption-metrics backend; the app registers it
// (packages/app/src/modules/analytics).
export * from './analytics';
