// Portal use: DAU, WAU and MAU against the people who could use the portal, daily active people
// over the window, and the plugins used most.
import { InfoCard } from '@backstage/core-components';
import {
  Grid,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
  useTheme,
} from '@material-ui/core';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { UsageReport } from '../peopleTypes';
import { percent } from './format';
import { MetricTile } from './MetricTile';

export const UsageTiles = ({ usage }: { usage: UsageReport }) => {
  const people = `people (${usage.eligible.source})`;
  const tiles = [
    {
      title: 'Portal daily active people',
      rate: usage.averageDau,
      detail: `${usage.averageDau.numerator} of ${usage.eligible.people} ${people} on an average day, ${usage.window.from} to ${usage.window.to}`,
    },
    {
      title: 'Weekly active people',
      rate: usage.wau,
      detail: `${usage.wau.numerator} of ${usage.wau.denominator} ${people} in the 7 days to ${usage.window.to}`,
    },
    {
      title: 'Monthly active people',
      rate: usage.mau,
      detail: `${usage.mau.numerator} of ${usage.mau.denominator} ${people} in the 28 days to ${usage.window.to}`,
    },
  ];
  return (
    <>
      {tiles.map(t => (
        <Grid item xs={12} md={4} key={t.title}>
          <MetricTile
            title={t.title}
            value={percent(t.rate)}
            detail={t.detail}
            source={usage.source}
          />
        </Grid>
      ))}
    </>
  );
};

export const DailyChart = ({ usage }: { usage: UsageReport }) => {
  const theme = useTheme();
  const data = usage.daily.map(d => ({
    day: d.day,
    active: d.active.numerator,
    newPeople: d.newPeople,
  }));
  return (
    <InfoCard
      title="Daily active people"
      subheader={`Days in ${usage.window.timeZone}; today so far. Out of ${usage.eligible.people} people.`}
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={d => String(d).slice(5)}
            fontSize={12}
          />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Line
            dataKey="active"
            name="Active"
            stroke={theme.palette.primary.main}
            dot={false}
          />
          <Line
            dataKey="newPeople"
            name="New"
            stroke={theme.palette.success.main}
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </InfoCard>
  );
};

export const TopPlugins = ({ usage }: { usage: UsageReport }) => (
  <InfoCard title="What is used" subheader="Portal events per plugin">
    {usage.topPlugins.length === 0 ? (
      <Typography variant="body2">
        No portal events yet. They come from the portal's Analytics API once
        signed-in people use it.
      </Typography>
    ) : (
      <Table size="small">
        <TableBody>
          {usage.topPlugins.map(p => (
            <TableRow key={p.pluginId}>
              <TableCell>{p.pluginId}</TableCell>
              <TableCell align="right">{p.events}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </InfoCard>
);
