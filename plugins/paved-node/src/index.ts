/**
 * The edge of every Paved backend plugin.
 *
 * @packageDocumentation
 */
export * from './parseInput';
export * from './authorize';
export * from './deadline';
export * from './childEnv';
export * from './production';
