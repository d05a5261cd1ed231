import { useMemo } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { AdoptionClient } from './AdoptionClient';

export function useAdoptionClient() {
  const discoveryApi = useApi(coreApis.discovery);
  const fetchApi = useApi(coreApis.fetch);
  return useMemo(
    () => new AdoptionClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
