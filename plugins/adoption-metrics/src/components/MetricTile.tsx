import { InfoCard } from '@backstage/core-components';
import { Box, Chip, Typography } from '@material-ui/core';
import { Band } from '@internal/plugin-adoption-metrics-common';

const bandColor: Record<Band, string> = {
  elite: '#1b7f3b',
  high: '#4c9a2a',
  medium: '#b7791f',
  low: '#c53030',
};

/** One number with what it is made of, its source and, for DORA, its band. */
export const MetricTile = (props: {
  title: string;
  value: string;
  detail: string;
  source: string;
  band?: Band;
  bandsVersion?: string;
  change?: string;
}) => (
  <InfoCard title={props.title} noPadding={false}>
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="baseline"
      style={{ gap: 12 }}
    >
      <Typography variant="h3" component="p">
        {props.value}
      </Typography>
      {props.band && (
        <Chip
          size="small"
          label={`${props.band} (${props.bandsVersion})`}
          style={{ background: bandColor[props.band], color: 'white' }}
        />
      )}
    </Box>
    <Typography variant="body2">{props.detail}</Typography>
    {props.change && (
      <Typography variant="body2" color="textSecondary">
        {props.change}
      </Typography>
    )}
    <Typography variant="caption" color="textSecondary">
      Source: {props.source}
    </Typography>
  </InfoCard>
);
