// For managers and the platform team: is the golden path used, and does it make teams faster?
// Filters live in the URL; a team's view rolls up its sub-teams and lists its services.
import {
  RequestErrorPanel,
  useDocumentTitle,
} from '@internal/plugin-paved-react';
import { Suspense } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { EmptyState, Progress } from '@backstage/core-components';
import { Container, Header } from '@backstage/ui';
import { Button, Grid, Typography } from '@material-ui/core';
import { useAdoptionClient } from '../useAdoptionClient';
import { FilterBar, useTeams } from './FilterBar';
import { OverviewTiles } from './OverviewTiles';
import { PeopleSection } from './PeopleSection';
import { ServicesTable } from './ServicesTable';
import { SourcesPanel } from './SourcesPanel';
import { TeamsTable } from './TeamsTable';
import { TrendCharts } from './TrendCharts';
import { useAdoptionQuery } from './useAdoptionQuery';

export const AdoptionPage = () => {
  useDocumentTitle('Adoption');
  const client = useAdoptionClient();
  const query = useAdoptionQuery();
  const teams = useTeams();
  const { range, owner } = query;
  const { value, loading, error } = useAsync(
    async () => (range ? client.summary({ range, owner }) : undefined),
    [client, JSON.stringify(range), owner],
  );
  const teamTitle = owner
    ? teams.value?.find(t => t.ref === owner)?.title ?? owner
    : 'All teams';
  const fileBase = `adoption-${(owner ?? 'all').replace(/[^a-z0-9]+/gi, '-')}-${
    value?.window.label.replace(/[^a-z0-9]+/gi, '-') ?? ''
  }`;

  return (
    <>
      {/* The page's own header, "Adoption", is the app's (PageBlueprint title). */}
      <Header
        title={teamTitle}
        description="Is the golden path used, and does it make teams faster?"
        customActions={
          owner && (
            <Button size="small" onClick={() => query.setOwner(undefined)}>
              Back to all teams
            </Button>
          )
        }
      />
      <Container>
        <FilterBar />
        {!range && (
          <Typography color="textSecondary" style={{ marginTop: 16 }}>
            Pick a start and an end day for the custom range.
          </Typography>
        )}
        {loading && <Progress />}
        {error && <RequestErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3} style={{ marginTop: 8 }}>
            <Grid item xs={12}>
              <Typography variant="body2" color="textSecondary">
                {value.window.label}:{' '}
                {new Date(value.window.from).toLocaleString()} to{' '}
                {new Date(value.window.to).toLocaleString()} (
                {value.window.timeZone}), against the{' '}
                {Math.round(value.window.days)} days before.
              </Typography>
              <SourcesPanel sources={value.sources} />
            </Grid>
            {value.goldenPathAdoption.denominator === 0 ? (
              <Grid item xs={12}>
                <EmptyState
                  missing="data"
                  title={
                    owner
                      ? `${teamTitle} owns no services`
                      : 'No services counted yet'
                  }
                  description={
                    owner
                      ? 'Services are Components of type service whose spec.owner is this team or one of its sub-teams.'
                      : 'The collectors snapshot the catalog every few minutes (adoptionMetrics.collectEveryMinutes). Services are Components of type service; the golden path is adoptionMetrics.recommendedTemplates.'
                  }
                />
              </Grid>
            ) : (
              <>
                <Grid item xs={12}>
                  <OverviewTiles summary={value} />
                </Grid>
                <Grid item xs={12}>
                  <TrendCharts series={value.series} />
                </Grid>
                <Grid item xs={12}>
                  <TeamsTable
                    teams={value.teams}
                    fileName={`${fileBase}-teams.csv`}
                    onSelect={query.setOwner}
                  />
                </Grid>
                {value.services && (
                  <Grid item xs={12}>
                    {/* Entity links load their presentation lazily. */}
                    <Suspense fallback={<Progress />}>
                      <ServicesTable
                        services={value.services}
                        fileName={`${fileBase}-services.csv`}
                      />
                    </Suspense>
                  </Grid>
                )}
              </>
            )}
          </Grid>
        )}
        {range && <PeopleSection range={range} owner={owner} />}
      </Container>
    </>
  );
};
