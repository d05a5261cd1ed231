/**
 * Sign-in paths that a production configuration cannot enable: `paved-test` (tests sign in as
 * the catalog User named in a header) and the development guest.
 *
 * @packageDocumentation
 */
export { authModulePavedTestProvider as default } from './pavedTestProvider';
export {
  authModulePavedTestProvider,
  PAVED_TEST_PROVIDER_ID,
} from './pavedTestProvider';
export { authModulePavedGuestProvider } from './guestProvider';
export { refuseInProduction } from './refuseInProduction';
