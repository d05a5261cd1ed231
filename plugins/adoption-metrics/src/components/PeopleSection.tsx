// People on the Adoption page: portal use (DAU, WAU, MAU against the people who could use it, a
// chart over the days, what is used) and the quarterly satisfaction survey.
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { Box, Grid, Typography } from '@material-ui/core';
import { Range } from '../AdoptionClient';
import { useAdoptionClient } from '../useAdoptionClient';
import { SatisfactionCard } from './SatisfactionCard';
import { DailyChart, TopPlugins, UsageTiles } from './UsageCards';

export const PeopleSection = (props: {
  range: Range;
  owner?: string;
  timeZone?: string;
}) => {
  const client = useAdoptionClient();
  const { range, owner, timeZone } = props;
  const quarter = 'quarter' in range ? range.quarter : undefined;
  const usage = useAsync(
    () => client.usage({ range, owner, timeZone }),
    [client, JSON.stringify(range), owner, timeZone],
  );
  const survey = useAsync(
    () => client.surveyResults({ quarter, owner }),
    [client, quarter, owner],
  );

  return (
    <Box mt={2}>
      <Typography variant="h5" gutterBottom>
        Portal use and satisfaction
      </Typography>
      <Grid container spacing={3}>
        {usage.loading && (
          <Grid item xs={12}>
            <Progress />
          </Grid>
        )}
        {usage.error && (
          <Grid item xs={12}>
            <RequestErrorPanel error={usage.error} />
          </Grid>
        )}
        {usage.value && (
          <>
            <UsageTiles usage={usage.value} />
            <Grid item xs={12} md={8}>
              <DailyChart usage={usage.value} />
            </Grid>
            <Grid item xs={12} md={4}>
              <TopPlugins usage={usage.value} />
            </Grid>
          </>
        )}
        <Grid item xs={12} md={6}>
          {survey.loading && <Progress />}
          {survey.error && <RequestErrorPanel error={survey.error} />}
          {survey.value && <SatisfactionCard results={survey.value} />}
        </Grid>
      </Grid>
    </Box>
  );
};
