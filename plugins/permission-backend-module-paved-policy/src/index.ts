/**
 * Paved's permission policy: people act for their teams and sub-teams, the platform team for
 * every team, and anything nobody decided is refused and audited.
 *
 * @packageDocumentation
 */
export { permissionModulePavedPolicy as default } from './module';
export { PavedPermissionPolicy } from './PavedPermissionPolicy';
export type { PavedPermissionPolicyOptions } from './PavedPermissionPolicy';
export { readPavedPermissionsConfig } from './config';
export type { PavedPermissionsConfig } from './config';
export { TeamTree } from './TeamTree';
export type { Person } from './Person';
