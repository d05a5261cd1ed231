// On a group's page: the team's (and sub-teams') cost per service, trend and budget, with a
// warning when the month's forecast passes the budget.
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useWorkloadCost } from '../api/useWorkloadCost';
import { CostFigures } from './CostFigures';
import { DailyCostChart } from './DailyCostChart';
import { money } from './money';

export const TeamCostCard = () => {
  const { entity } = useEntity();
  const client = useWorkloadCost();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => client.group(entityRef),
    [client, entityRef],
  );
  return (
    <InfoCard title="Team cost" subheader="This team and its sub-teams">
      {loading && <Progress />}
      {error && <RequestErrorPanel error={error} />}
      {value?.budget?.warning && (
        <WarningPanel severity="warning" title={value.budget.warning} />
      )}
      {value && 'missing' in value && (
        <EmptyState
          missing="info"
          title={value.missing.reason}
          description={`To fix: ${value.missing.fix}.`}
        />
      )}
      {value && !('missing' in value) && (
        <>
          <CostFigures summary={value} />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            Budget:{' '}
            {value.budget?.budget !== undefined
              ? `${money(value.budget.budget, value.currency)} a month (${
                  value.budget.source
                })`
              : 'none: set workloadCost.budgets in app-config or the paved.dev/monthly-budget annotation'}
          </Typography>
          <DailyCostChart days={value.daily} currency={value.currency} />
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell align="right">Last 30 days</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...value.services]
                .sort((a, b) => b.total - a.total)
                .map(s => (
                  <TableRow key={s.entityRef}>
                    <TableCell>{s.entityRef.split('/').pop()}</TableCell>
                    <TableCell align="right">
                      {money(s.total, value.currency)}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
};
