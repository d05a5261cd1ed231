/**
 * Paved's golden-path scaffolder actions: preflight, repository, Argo CD application, Crossplane
 * claim and catalog registration.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPath as default } from './module';
export { readGoldenPathConfig } from './config/goldenPathConfig';
export type { GoldenPathConfig } from './config/goldenPathConfig';
