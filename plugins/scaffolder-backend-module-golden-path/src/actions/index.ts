export { createPreflightAction } from './preflight';
export { createRepositoryAction } from './repository';
export { createCrossplaneClaimAction } from './crossplaneClaim';
export { createArgoApplicationAction } from './argocdApplication';
export { createCatalogRegisterAction } from './catalogRegister';
export type { GoldenPathServices } from './GoldenPathServices';
