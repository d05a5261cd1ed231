// What the figure is made of, so nobody reads the card as "all of my service's cost".
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { WhatIsCounted } from '../api/types';
import { money } from './money';

export const WhatIsCountedPanel = (props: {
  counted: WhatIsCounted;
  currency: string;
}) => {
  const { counted, currency } = props;
  const perMonth = (hourly: number) => `${money(hourly * 730, currency)}/month`;
  return (
    <Accordion>
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          What is counted: {counted.workloads.length} workloads,{' '}
          {counted.volumes.length} volumes, {counted.claims.length} claims
          {counted.notCounted.length
            ? `; ${counted.notCounted.length} things not counted`
            : ''}
        </Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block' }}>
        {counted.workloads.map(w => (
          <Typography
            key={`${w.cluster}/${w.namespace}/${w.kind}/${w.name}`}
            variant="body2"
          >
            {w.kind} {w.namespace}/{w.name} ({w.cluster}):{' '}
            {perMonth(w.hourlyCost)}, {w.method}
          </Typography>
        ))}
        {counted.volumes.map(v => (
          <Typography
            key={`${v.cluster}/${v.namespace}/${v.name}`}
            variant="body2"
          >
            Volume {v.namespace}/{v.name}, {v.capacityGiB} GiB:{' '}
            {perMonth(v.hourlyCost)}
          </Typography>
        ))}
        {counted.claims.map(c => (
          <Typography
            key={`${c.cluster}/${c.namespace}/${c.kind}/${c.name}`}
            variant="body2"
          >
            {c.kind} {c.namespace}/{c.name}: {perMonth(c.hourlyCost)} (
            {c.lines.join('; ')})
          </Typography>
        ))}
        {counted.notCounted.map(n => (
          <Typography
            key={`${n.cluster}/${n.namespace}/${n.what}`}
            variant="body2"
            color="error"
          >
            Not counted: {n.what} in {n.namespace}: {n.reason}
          </Typography>
        ))}
        <Typography variant="caption" color="textSecondary">
          Never counted: {counted.neverCounted}.
        </Typography>
      </AccordionDetails>
    </Accordion>
  );
};
