import { useMemo } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { AdoptionClient } from './AdoptionClient';

export function useAdoptionClient() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useMemo(
    () => new AdoptionClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
