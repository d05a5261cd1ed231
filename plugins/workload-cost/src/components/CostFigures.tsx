// Run-rate, month to date, forecast and the change against last month, in the configured
// currency; the breakdown by resource beside them.
import { Box, Chip, Grid, Typography } from '@material-ui/core';
import { CostSummary } from '../api/types';
import { BREAKDOWN, money } from './money';

const Figure = (props: { label: string; value: string; detail?: string }) => (
  <Grid item xs={6} sm={3}>
    <Typography variant="caption" color="textSecondary">
      {props.label}
    </Typography>
    <Typography variant="h5" component="p">
      {props.value}
    </Typography>
    {props.detail && <Typography variant="caption">{props.detail}</Typography>}
  </Grid>
);

function changeText(summary: CostSummary) {
  const change = summary.previousMonth.change;
  // Nothing collected last month (the plugin is newer than that): no comparison to make.
  if (summary.previousMonth.total === 0)
    return `no data for ${summary.previousMonth.month}`;
  if (!change || change.ratio === undefined)
    return `${summary.previousMonth.month}: ${money(
      summary.previousMonth.total,
      summary.currency,
    )}`;
  if (change.status === 'negligible')
    return `about the same as ${summary.previousMonth.month}`;
  const percent = Math.round(change.ratio * 100);
  return `${percent > 0 ? '+' : ''}${percent} % vs ${
    summary.previousMonth.month
  }`;
}

export const CostFigures = ({ summary }: { summary: CostSummary }) => {
  const { currency } = summary;
  return (
    <>
      <Grid container spacing={2}>
        <Figure
          label="Monthly run-rate"
          value={money(summary.runRate?.monthly, currency)}
          detail={
            summary.runRate?.basis === 'latest-hour'
              ? 'from the latest hour'
              : 'from the last 7 full days'
          }
        />
        <Figure
          label={`Month to date (${summary.month})`}
          value={money(
            summary.monthToDate + (summary.todaySoFar ?? 0),
            currency,
          )}
          detail={
            summary.todaySoFar
              ? `incl. ${money(summary.todaySoFar, currency)} today so far`
              : undefined
          }
        />
        <Figure
          label="Forecast to month end"
          value={money(summary.forecast, currency)}
        />
        <Figure label="Change" value={changeText(summary)} />
      </Grid>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8, marginTop: 12 }}>
        {BREAKDOWN.filter(b => summary.breakdown[b.key] > 0).map(b => (
          <Chip
            key={b.key}
            size="small"
            label={`${b.label} ${money(summary.breakdown[b.key], currency)}`}
          />
        ))}
        <Typography variant="caption" color="textSecondary">
          last 30 days, {money(summary.breakdown.total, currency)} in all
        </Typography>
      </Box>
      {!summary.complete && (
        <Typography variant="caption" color="error" component="p">
          Partial: {summary.errors[0] ?? 'some hours have no complete pass'}
          {summary.missingDays.length
            ? ` (${summary.missingDays.length} days without data)`
            : ''}
        </Typography>
      )}
    </>
  );
};
