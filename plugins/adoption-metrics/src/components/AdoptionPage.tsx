import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  WarningPanel,
} from '@backstage/core-components';
import { Button, Grid, MenuItem, TextField } from '@material-ui/core';
import { useAdoptionClient } from '../useAdoptionClient';
import { MetricTile } from './MetricTile';
import { change, hours, percent, teamsCsv } from './format';

const RANGES = [7, 28, 90];

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** For managers and the platform team: is the paved road used, and does it make teams faster? */
export const AdoptionPage = () => {
  const client = useAdoptionClient();
  const [days, setDays] = useState(28);
  const [owner, setOwner] = useState('');
  const { value, loading, error } = useAsync(
    () => client.summary({ days, owner: owner || undefined }),
    [client, days, owner],
  );
  const stale = value?.sources.filter(s => s.lastError) ?? [];

  return (
    <Page themeId="tool">
      <Header
        title="Adoption"
        subtitle="Is the golden path used, and does it make teams faster?"
      />
      <Content>
        <ContentHeader title={owner || 'All teams'}>
          <TextField
            select
            id="adoption-range"
            label="Range"
            value={days}
            onChange={e => setDays(Number(e.target.value))}
            style={{ minWidth: 140, marginRight: 16 }}
          >
            {RANGES.map(d => (
              <MenuItem key={d} value={d}>
                Last {d} days
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="adoption-team"
            label="Team"
            value={owner}
            onChange={e => setOwner(e.target.value)}
            style={{ minWidth: 220 }}
          >
            <MenuItem value="">All teams</MenuItem>
            {(value?.teams ?? []).map(t => (
              <MenuItem key={t.owner} value={t.owner}>
                {t.owner}
              </MenuItem>
            ))}
          </TextField>
        </ContentHeader>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && stale.length > 0 && (
          <WarningPanel title="Some sources are stale">
            {stale.map(s => (
              <div key={s.collector}>
                {s.collector}: last success {s.lastSuccessAt ?? 'never'};{' '}
                {s.lastError}
              </div>
            ))}
          </WarningPanel>
        )}
        {value && value.goldenPathAdoption.denominator === 0 && (
          <EmptyState
            missing="data"
            title="No services counted yet"
            description="The collectors snapshot the catalog every few minutes (adoptionMetrics.collectEveryMinutes). Services are Components of type service; the golden path is adoptionMetrics.recommendedTemplates."
          />
        )}
        {value && value.goldenPathAdoption.denominator > 0 && (
          <Grid container spacing={3}>
            <Grid item xs={12} md={4}>
              <MetricTile
                title="Golden-path adoption"
                value={percent(value.goldenPathAdoption)}
                detail={`${value.goldenPathAdoption.numerator} of ${
                  value.goldenPathAdoption.denominator
                } services made from ${value.goldenPathAdoption.recommendedTemplates.join(
                  ', ',
                )}`}
                change={change(
                  value.goldenPathAdoption,
                  value.goldenPathAdoption.previous,
                )}
                source={value.goldenPathAdoption.source}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <MetricTile
                title="Deployment frequency"
                value={`${value.dora.deploymentFrequency.medianDeployDaysPerWeek} days/week`}
                detail={`${
                  value.dora.deploymentFrequency.deploys
                } production deploys (${value.dora.deploymentFrequency.perDay.toFixed(
                  2,
                )} a day); median days with a deploy per week`}
                band={value.dora.deploymentFrequency.band}
                bandsVersion={value.dora.bandsVersion}
                source={value.dora.source}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <MetricTile
                title="Lead time for changes"
                value={hours(value.dora.leadTime.medianHours)}
                detail={`median over ${value.dora.leadTime.commits} commits, commit to production`}
                band={value.dora.leadTime.band}
                bandsVersion={value.dora.bandsVersion}
                source={value.dora.source}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <MetricTile
                title="Change failure rate"
                value={percent(value.dora.changeFailureRate)}
                detail={`${value.dora.changeFailureRate.numerator} of ${value.dora.changeFailureRate.denominator} deployments failed or were rolled back`}
                band={value.dora.changeFailureRate.band}
                bandsVersion={value.dora.bandsVersion}
                source={value.dora.source}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <MetricTile
                title="Time to restore"
                value={hours(value.dora.timeToRestore.medianHours)}
                detail={`median over ${value.dora.timeToRestore.restores} restores`}
                band={value.dora.timeToRestore.band}
                bandsVersion={value.dora.bandsVersion}
                source={value.dora.source}
              />
            </Grid>
            <Grid item xs={12}>
              <Table
                title="Teams (alphabetical: not a leaderboard)"
                options={{ paging: false, search: false }}
                columns={[
                  { title: 'Team', field: 'owner' },
                  { title: 'Services', field: 'services' },
                  {
                    title: 'Golden-path adoption',
                    render: t =>
                      `${percent(t.goldenPathAdoption)} (${
                        t.goldenPathAdoption.numerator
                      } of ${t.goldenPathAdoption.denominator})`,
                  },
                ]}
                data={value.teams}
              />
              <Button
                style={{ marginTop: 8 }}
                variant="outlined"
                onClick={() =>
                  download(`adoption-${days}d.csv`, teamsCsv(value.teams))
                }
              >
                Download CSV
              </Button>
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
};
