/**
 * The embedded git host of the Paved portal: bare repositories served over git's smart HTTP
 * protocol behind Backstage auth, with raw-file reads and a URL reader for the catalog.
 *
 * @packageDocumentation
 */
export { gitHostPlugin as default } from './plugin';
export { gitHostUrlReaderServiceFactory, GitHostUrlReader } from './urlReader';
export { repositoryUrls } from './urls';
export {
  gitHostRepositoryConditions,
  createGitHostRepositoryConditionalDecision,
  gitHostRepositoryResourceRef,
  gitHostRepositoryRules,
} from './permissions';
export type {
  GitHostRepositoryResource,
  GitHostRepositoryQuery,
} from './permissions';
