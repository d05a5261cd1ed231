// The last 30 days by resource; partial days (today, or a pass that failed part-way) are marked
// and missing days are left empty rather than drawn as free.
import { useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoneyCompact } from '@internal/plugin-workload-cost-common';
import { DayCost } from '../api/types';

export const DailyCostChart = (props: {
  days: DayCost[];
  currency: string;
}) => {
  const theme = useTheme();
  const data = props.days.map(d => ({
    day: d.date.slice(5) + (d.partial ? '*' : ''),
    CPU: d.missing ? undefined : d.parts.cpu,
    Memory: d.missing ? undefined : d.parts.memory,
    Storage: d.missing ? undefined : d.parts.storage,
    Databases: d.missing ? undefined : d.parts.databases,
  }));
  const colors = [
    theme.palette.primary.main,
    theme.palette.info.main,
    theme.palette.warning.main,
    theme.palette.success.main,
  ];
  return (
    <ResponsiveContainer width="100%" height={160}>
      <BarChart data={data} margin={{ left: 0, top: 8 }}>
        <XAxis dataKey="day" fontSize={11} />
        <YAxis
          fontSize={11}
          tickFormatter={v => formatMoneyCompact(v, props.currency)}
        />
        <Tooltip
          formatter={(v: number) => formatMoneyCompact(v, props.currency)}
        />
        {['CPU', 'Memory', 'Storage', 'Databases'].map((key, i) => (
          <Bar key={key} dataKey={key} stackId="c" fill={colors[i]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};
