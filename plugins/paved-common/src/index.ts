/**
 * What every Paved plugin shares: the Paved permissions and the CSV writer.
 *
 * @packageDocumentation
 */
export * from './csv';
export * from './permissions';
