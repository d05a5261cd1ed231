import { useMemo } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { WorkloadCostClient } from './WorkloadCostClient';

export function useWorkloadCost() {
  const discoveryApi = useApi(coreApis.discovery);
  const fetchApi = useApi(coreApis.fetch);
  return useMemo(
    () => new WorkloadCostClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
