// Counts over time, bucketed by the backend in the viewer's time zone (daily up to a month,
// weekly beyond): production deploys with failures, and golden-path runs beside database claims.
import { InfoCard } from '@backstage/core-components';
import { Grid, useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AdoptionSummary } from '../AdoptionClient';

export const TrendCharts = ({
  series,
}: {
  series: AdoptionSummary['series'];
}) => {
  const theme = useTheme();
  const per = series.bucketing === 'day' ? 'per day' : 'per week (from Monday)';
  const chart = (
    bars: { key: string; name: string; color: string; stack?: string }[],
  ) => (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={series.points} margin={{ left: -20 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="bucket"
          tickFormatter={b => String(b).slice(5)}
          fontSize={12}
        />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        {bars.map(b => (
          <Bar
            key={b.key}
            dataKey={b.key}
            name={b.name}
            fill={b.color}
            stackId={b.stack}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Production deploys" subheader={per}>
          {chart([
            {
              key: 'deploys',
              name: 'Succeeded',
              color: theme.palette.primary.main,
              stack: 'd',
            },
            {
              key: 'failedDeploys',
              name: 'Failed',
              color: theme.palette.error.main,
              stack: 'd',
            },
          ])}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Golden-path runs and database claims" subheader={per}>
          {chart([
            {
              key: 'goldenPathRuns',
              name: 'New services (golden path)',
              color: theme.palette.success.main,
            },
            {
              key: 'claims',
              name: 'Database claims',
              color: theme.palette.info.main,
            },
          ])}
        </InfoCard>
      </Grid>
    </Grid>
  );
};
