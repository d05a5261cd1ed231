/**
 * Adoption metrics of the Paved portal: the definitions and the math, shared by the backend
 * (which stores and rolls up) and the frontend (which shows each number with its source).
 *
 * @packageDocumentation
 */
export * from './rate';
export * from './stats';
export * from './time';
export * from './bands';
export * from './metrics/dora';
export * from './metrics/adoption';
export * from './metrics/satisfaction';
export * from './metrics/timeToProduction';
export * from './metrics/portalUsage';
export * from './permissions';
export * from './liveApplication';
