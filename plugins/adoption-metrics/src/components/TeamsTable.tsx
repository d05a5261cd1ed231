// One row per team owning services, in alphabetical order (DORA's guidance: metrics are for a
// team's own improvement, so no ranking). A team's name drills down to its own view.
import { TableColumn } from '@backstage/core-components';
import { Link } from '@material-ui/core';
import { TeamRow } from '../AdoptionClient';
import { CsvColumn } from '@internal/plugin-paved-common';
import { TableWithCsv } from './TableWithCsv';
import { percent, ratio } from './format';

const rate = (r: { numerator: number; denominator: number; value?: number }) =>
  `${percent(r as any)} (${r.numerator} of ${r.denominator})`;

export const TeamsTable = (props: {
  teams: TeamRow[];
  fileName: string;
  onSelect: (owner: string) => void;
}) => {
  const columns: TableColumn<TeamRow>[] = [
    {
      title: 'Team',
      render: t => (
        <Link
          component="button"
          variant="body2"
          onClick={() => props.onSelect(t.owner)}
        >
          {t.title}
        </Link>
      ),
    },
    { title: 'Services', field: 'services', type: 'numeric' },
    { title: 'Golden-path adoption', render: t => rate(t.goldenPathAdoption) },
    { title: 'Self-service (claims)', render: t => rate(t.selfService) },
    {
      title: 'Production deploys',
      render: t => t.dora.deploymentFrequency.deploys,
    },
    {
      title: 'Change failure rate',
      render: t => rate(t.dora.changeFailureRate),
    },
  ];
  const csvColumns: CsvColumn<TeamRow>[] = [
    { header: 'team', value: t => t.owner },
    { header: 'services', value: t => t.services },
    {
      header: 'golden_path_services',
      value: t => t.goldenPathAdoption.numerator,
    },
    { header: 'adoption', value: t => ratio(t.goldenPathAdoption) },
    { header: 'self_service_claims', value: t => t.selfService.numerator },
    { header: 'claims', value: t => t.selfService.denominator },
    { header: 'self_service_rate', value: t => ratio(t.selfService) },
    {
      header: 'production_deploys',
      value: t => t.dora.deploymentFrequency.deploys,
    },
    {
      header: 'failed_deploys',
      value: t => t.dora.changeFailureRate.numerator,
    },
    {
      header: 'change_failure_rate',
      value: t => ratio(t.dora.changeFailureRate),
    },
  ];
  return (
    <TableWithCsv
      title="Teams (alphabetical: not a leaderboard)"
      columns={columns}
      csvColumns={csvColumns}
      rows={props.teams}
      fileName={props.fileName}
    />
  );
};
