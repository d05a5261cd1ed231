// The browser tab's title for a page: "<title> | <app.title>". The legacy core-components Header
// set it (through Helmet); the page header the app draws from a PageBlueprint's title does not.
import { useEffect } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';

export function useDocumentTitle(title: string) {
  const appTitle =
    useApi(coreApis.config).getOptionalString('app.title') ?? 'Backstage';
  const documentTitle = title ? `${title} | ${appTitle}` : appTitle;
  useEffect(() => {
    const previous = document.title;
    document.title = documentTitle;
    return () => {
      document.title = previous;
    };
  }, [documentTitle]);
}
