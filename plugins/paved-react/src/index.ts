/**
 * What every Paved screen shares.
 *
 * @packageDocumentation
 */
export { RequestErrorPanel, refusalMessage } from './RequestErrorPanel';
export { downloadCsv } from './downloadCsv';
export { useDocumentTitle } from './useDocumentTitle';
