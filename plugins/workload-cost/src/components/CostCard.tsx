// On a service's page: what it costs and why, or which annotation or configuration is missing.
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import useAsync from 'react-use/esm/useAsync';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { useWorkloadCost } from '../api/useWorkloadCost';
import { CostFigures } from './CostFigures';
import { DailyCostChart } from './DailyCostChart';
import { WhatIsCountedPanel } from './WhatIsCountedPanel';

export const CostCard = () => {
  const { entity } = useEntity();
  const client = useWorkloadCost();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => client.entity(entityRef),
    [client, entityRef],
  );
  return (
    <InfoCard
      title="Cost"
      subheader="Kubernetes workloads and databases of this service"
    >
      {loading && <Progress />}
      {error && <RequestErrorPanel error={error} />}
      {value && 'missing' in value && (
        <EmptyState
          missing="info"
          title={value.missing.reason}
          description={`To fix: ${value.missing.fix}.`}
        />
      )}
      {value && !('missing' in value) && (
        <>
          <CostFigures summary={value} />
          <DailyCostChart days={value.daily} currency={value.currency} />
          <WhatIsCountedPanel
            counted={value.whatIsCounted}
            currency={value.currency}
          />
          <Typography variant="caption" color="textSecondary">
            {value.method}. Source: {value.source}
          </Typography>
        </>
      )}
    </InfoCard>
  );
};
