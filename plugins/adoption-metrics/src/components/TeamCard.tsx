// On a group's page: the team's (and its sub-teams') adoption and delivery over the last 28 days,
// with a link to its full view on the Adoption page.
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import useAsync from 'react-use/esm/useAsync';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { Link } from '@backstage/ui';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid, Typography } from '@material-ui/core';
import { useAdoptionClient } from '../useAdoptionClient';
import { rootRouteRef } from '../routes';
import { hours, percent } from './format';

const DAYS = 28;

const Figure = (props: { label: string; value: string; detail: string }) => (
  <Grid item xs={6}>
    <Typography variant="caption" color="textSecondary">
      {props.label}
    </Typography>
    <Typography variant="h5" component="p">
      {props.value}
    </Typography>
    <Typography variant="caption">{props.detail}</Typography>
  </Grid>
);

export const TeamCard = () => {
  const { entity } = useEntity();
  const client = useAdoptionClient();
  const adoptionPage = useRouteRef(rootRouteRef);
  const owner = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => client.summary({ range: { days: DAYS }, owner }),
    [client, owner],
  );
  const link = adoptionPage
    ? `${adoptionPage()}?range=${DAYS}&owner=${encodeURIComponent(owner)}`
    : undefined;
  return (
    <InfoCard
      title="Golden path and delivery"
      subheader={`This team and its sub-teams, last ${DAYS} days`}
      deepLink={link ? { title: 'Open in Adoption', link } : undefined}
    >
      {loading && <Progress />}
      {error && <RequestErrorPanel error={error} />}
      {value && value.goldenPathAdoption.denominator === 0 && (
        <EmptyState
          missing="data"
          title="This team owns no services"
          description="Services are Components of type service whose spec.owner is this group or one of its sub-groups."
        />
      )}
      {value && value.goldenPathAdoption.denominator > 0 && (
        <Grid container spacing={2}>
          <Figure
            label="Golden-path adoption"
            value={percent(value.goldenPathAdoption)}
            detail={`${value.goldenPathAdoption.numerator} of ${value.goldenPathAdoption.denominator} services`}
          />
          <Figure
            label="Self-service rate"
            value={percent(value.selfService)}
            detail={`${value.selfService.numerator} of ${value.selfService.denominator} claims`}
          />
          <Figure
            label="Production deploys"
            value={String(value.dora.deploymentFrequency.deploys)}
            detail={`${
              value.dora.deploymentFrequency.medianDeployDaysPerWeek
            } days/week (${value.dora.deploymentFrequency.band ?? 'no band'})`}
          />
          <Figure
            label="Change failure rate"
            value={percent(value.dora.changeFailureRate)}
            detail={`restore ${hours(value.dora.timeToRestore.medianHours)}`}
          />
          <Grid item xs={12}>
            {link && (
              <Link href={link}>See the team's services and trends</Link>
            )}
          </Grid>
        </Grid>
      )}
    </InfoCard>
  );
};
