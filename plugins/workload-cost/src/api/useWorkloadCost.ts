import { useMemo } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { WorkloadCostClient } from './WorkloadCostClient';

export function useWorkloadCost() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useMemo(
    () => new WorkloadCostClient(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
