import { useMemo } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { GitHostClient } from './GitHostClient';

export function useGitHost() {
  const discoveryApi = useApi(coreApis.discovery);
  const fetchApi = useApi(coreApis.fetch);
  return useMemo(
    () => new GitHostClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
