// A service's production deploys per week in the viewer's time zone, failed ones stacked in red.
import { useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { localDay, weekOf } from '@internal/plugin-adoption-metrics-common';
import { ComponentDelivery } from '../AdoptionClient';

export function deploysByWeek(
  deploys: ComponentDelivery['deploys'],
  timeZone: string,
) {
  const weeks = new Map<
    string,
    { week: string; succeeded: number; failed: number }
  >();
  for (const d of deploys) {
    const week = weekOf(localDay(d.at, timeZone));
    const row = weeks.get(week) ?? { week, succeeded: 0, failed: 0 };
    row[d.outcome] += 1;
    weeks.set(week, row);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

export const DeployTimeline = ({
  deploys,
}: {
  deploys: ComponentDelivery['deploys'];
}) => {
  const theme = useTheme();
  const data = deploysByWeek(
    deploys,
    new Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  return (
    <ResponsiveContainer width="100%" height={120}>
      <BarChart data={data} margin={{ left: -30, top: 8 }}>
        <XAxis
          dataKey="week"
          tickFormatter={w => String(w).slice(5)}
          fontSize={11}
        />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={w => `Week of ${w}`} />
        <Bar
          dataKey="succeeded"
          name="Deploys"
          stackId="d"
          fill={theme.palette.primary.main}
        />
        <Bar
          dataKey="failed"
          name="Failed syncs"
          stackId="d"
          fill={theme.palette.error.main}
        />
      </BarChart>
    </ResponsiveContainer>
  );
};
