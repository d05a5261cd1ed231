import { RequestErrorPanel } from '@internal/plugin-paved-react';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useInterval from 'react-use/esm/useInterval';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Band } from '@internal/plugin-adoption-metrics-common';
import { useAdoptionClient } from '../useAdoptionClient';
import { DeployTimeline } from './DeployTimeline';
import { EnvironmentStatus } from './EnvironmentStatus';
import { hours, percent } from './format';

const DAYS = 90;

const BandChip = ({ band }: { band?: Band }) =>
  band ? <Chip size="small" label={band} /> : null;

/** On a service's page: its DORA four with bands, and whether it came from the golden path. */
export const DeliveryCard = () => {
  const { entity } = useEntity();
  const client = useAdoptionClient();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => client.component(entityRef, DAYS),
    [client, entityRef],
  );
  // Argo CD's view now, every environment; re-read every 5 s so a sync shows without a reload.
  const [tick, setTick] = useState(0);
  useInterval(() => setTick(t => t + 1), 5000);
  const live = useAsync(
    () => client.applications(entityRef),
    [client, entityRef, tick],
  );
  const [lastLive, setLastLive] = useState(live.value);
  useEffect(() => {
    if (live.value) setLastLive(live.value);
  }, [live.value]);
  const template =
    entity.metadata.annotations?.['backstage.io/source-template'];
  const createdAt = entity.metadata.annotations?.['paved.dev/created-at'];

  return (
    <InfoCard
      title="Delivery"
      subheader={`Argo CD now, in every environment; production over the last ${DAYS} days`}
    >
      <Typography variant="body2" gutterBottom>
        {template
          ? `Made on the golden path from ${template}${
              createdAt ? ` on ${createdAt.slice(0, 10)}` : ''
            }.`
          : 'Not made from a golden-path template.'}
        {value?.origin &&
          (value.origin.timeToProductionHours !== undefined
            ? ` Create to first production deploy: ${hours(
                value.origin.timeToProductionHours,
              )}.`
            : ' Not in production yet.')}
      </Typography>
      {lastLive && lastLive.items.length > 0 && (
        <EnvironmentStatus
          applications={lastLive.items}
          errors={lastLive.errors}
        />
      )}
      {lastLive && lastLive.clusters > 0 && lastLive.items.length === 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          No Argo CD Application of this service yet: Argo CD creates it from
          the GitOps repository once it has synced the environment (labels
          backstage.io/kubernetes-id={entity.metadata.name}).
          {lastLive.errors.length > 0 && ` ${lastLive.errors.join(' ')}`}
        </Typography>
      )}
      {live.error && !lastLive && <RequestErrorPanel error={live.error} />}
      {loading && <Progress />}
      {error && <RequestErrorPanel error={error} />}
      {value &&
        value.deploys.length === 0 &&
        (lastLive?.items.length ? (
          <Typography variant="body2" color="textSecondary">
            No production deploy in the last {DAYS} days: the DORA figures start
            with the first sync of the production Application.
          </Typography>
        ) : (
          <EmptyState
            missing="data"
            title="No production deploys recorded"
            description={`The Argo CD Application of this service needs the labels backstage.io/kubernetes-id=${entity.metadata.name} and paved.dev/environment=production, on a cluster in kubernetes.clusterLocatorMethods.`}
          />
        ))}
      {value && value.deploys.length > 0 && (
        <>
          <DeployTimeline deploys={value.deploys} />
          <Table size="small">
            <TableBody>
              <TableRow>
                <TableCell>Deployment frequency</TableCell>
                <TableCell>
                  {value.dora.deploymentFrequency.deploys} deploys,{' '}
                  {value.dora.deploymentFrequency.medianDeployDaysPerWeek}{' '}
                  days/week
                </TableCell>
                <TableCell>
                  <BandChip band={value.dora.deploymentFrequency.band} />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>Lead time for changes</TableCell>
                <TableCell>{hours(value.dora.leadTime.medianHours)}</TableCell>
                <TableCell>
                  <BandChip band={value.dora.leadTime.band} />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>Change failure rate</TableCell>
                <TableCell>
                  {percent(value.dora.changeFailureRate)} (
                  {value.dora.changeFailureRate.numerator} of{' '}
                  {value.dora.changeFailureRate.denominator})
                </TableCell>
                <TableCell>
                  <BandChip band={value.dora.changeFailureRate.band} />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>Time to restore</TableCell>
                <TableCell>
                  {hours(value.dora.timeToRestore.medianHours)}
                </TableCell>
                <TableCell>
                  <BandChip band={value.dora.timeToRestore.band} />
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="caption" color="textSecondary">
            Bands: {value.dora.bandsVersion}. Source: {value.source}
          </Typography>
        </>
      )}
    </InfoCard>
  );
};
