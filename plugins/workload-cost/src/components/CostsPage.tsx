// For managers: each team's cost this month (or an earlier one), sortable, with what belongs to no
// team (unallocated) and idle capacity shown apart, never spread; CSV of the table.
import {
  downloadCsv,
  RequestErrorPanel,
  useDocumentTitle,
} from '@internal/plugin-paved-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { Container, Header } from '@backstage/ui';
import { Button, MenuItem, TextField, Typography } from '@material-ui/core';
import { CsvColumn, toCsv } from '@internal/plugin-paved-common';
import { useWorkloadCost } from '../api/useWorkloadCost';
import { CostParts, TeamCosts } from '../api/types';
import { BREAKDOWN, money } from './money';

type Row = TeamCosts['teams'][number] & { name: string };

/** The current UTC month and the five before it, newest first. */
export function recentMonths(now = new Date()): string[] {
  return Array.from({ length: 6 }, (_, i) => {
    const d = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1),
    );
    return d.toISOString().slice(0, 7);
  });
}

/** A table row for what belongs to no team: unallocated workloads, idle capacity. */
function rowOf(parts: CostParts & { complete: boolean }, name: string): Row {
  const { cpu, memory, storage, gpu, databases, other, total, complete } =
    parts;
  return {
    cpu,
    memory,
    storage,
    gpu,
    databases,
    other,
    total,
    complete,
    name,
    owner: null,
    services: 0,
  };
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

/**
 * The table as CSV, through Paved's one writer: a team name is catalog text anyone can register,
 * so a cell like =HYPERLINK(...) is neutralised and commas are quoted. Amounts stay numbers
 * (rounded to cents), so a negative one is summed, not taken for a formula.
 */
export function costsCsv(rows: Row[]): string {
  const columns: CsvColumn<Row>[] = [
    { header: 'team', value: r => r.name },
    { header: 'services', value: r => r.services },
    ...BREAKDOWN.map(b => ({
      header: b.key,
      value: (r: Row) => cents(r[b.key]),
    })),
    { header: 'total', value: r => cents(r.total) },
    { header: 'complete', value: r => r.complete },
  ];
  return toCsv(columns, rows);
}

export const CostsPage = () => {
  useDocumentTitle('Costs');
  const client = useWorkloadCost();
  const [month, setMonth] = useState(recentMonths()[0]);
  const { value, loading, error } = useAsync(
    () => client.teams(month),
    [client, month],
  );
  const rows: Row[] = value
    ? [
        ...value.teams.map(t => ({ ...t, name: t.owner ?? 'no owner' })),
        rowOf(value.unallocated, 'unallocated (no component)'),
        rowOf(value.idle, 'idle capacity (not spread)'),
      ]
    : [];
  const currency = value?.currency ?? 'USD';
  const columns: TableColumn<Row>[] = [
    {
      title: 'Team',
      field: 'name',
      // group:default/checkout reads as checkout; the CSV keeps the full ref.
      render: r => (r.owner ? r.owner.split('/').pop() : r.name),
    },
    { title: 'Services', field: 'services', type: 'numeric' },
    ...BREAKDOWN.map(b => ({
      title: b.label,
      field: b.key,
      type: 'numeric' as const,
      render: (r: Row) => money(r[b.key], currency),
    })),
    {
      title: 'Total',
      field: 'total',
      type: 'numeric',
      defaultSort: 'desc',
      render: r => money(r.total, currency),
    },
  ];
  const download = () => downloadCsv(`costs-${month}.csv`, costsCsv(rows));
  return (
    <>
      {/* The page's own header, "Costs", is the app's (PageBlueprint title). */}
      <Header
        title={value ? `${month}: ${money(value.total, currency)}` : month}
        description="What each team's services cost, from the clusters and the database claims"
        customActions={
          <TextField
            select
            id="costs-month"
            label="Month"
            value={month}
            onChange={e => setMonth(e.target.value)}
          >
            {recentMonths().map(m => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
        }
      />
      <Container>
        {loading && <Progress />}
        {error && <RequestErrorPanel error={error} />}
        {value && !value.complete && (
          <WarningPanel title="Some hours are partial: a cluster could not be read">
            {value.errors.slice(0, 3).join(' · ')}
          </WarningPanel>
        )}
        {value && (
          <>
            <Table
              title="Teams"
              options={{ paging: false, search: true }}
              columns={columns}
              data={rows}
            />
            <Button
              style={{ marginTop: 8 }}
              variant="outlined"
              onClick={download}
            >
              Download CSV
            </Button>
            <Typography variant="caption" color="textSecondary" component="p">
              {value.from.slice(0, 16)} to {value.to.slice(0, 16)} UTC.
              Estimates from requests at list price unless a cluster has
              OpenCost configured.
            </Typography>
          </>
        )}
      </Container>
    </>
  );
};
