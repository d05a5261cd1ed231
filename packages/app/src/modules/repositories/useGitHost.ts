import { useMemo } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { GitHostClient } from './GitHostClient';

export function useGitHost() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useMemo(
    () => new GitHostClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
