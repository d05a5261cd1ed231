// A team's services (the drill-down): where each came from, its production deploys in the period
// and how long it took from Create to production; each links to the service's page.
import { TableColumn } from '@backstage/core-components';
import { RouterLink } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@material-ui/core';
import { ServiceRow } from '../AdoptionClient';
import { CsvColumn } from '@internal/plugin-paved-common';
import { TableWithCsv } from './TableWithCsv';
import { hours } from './format';

const entityName = (ref: string) => parseEntityRef(ref).name;
/** The catalog's entity page (the app mounts the catalog at /catalog). */
const entityPath = (ref: string) => {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLowerCase()}/${name}`;
};

const originOf = (s: ServiceRow) => {
  if (s.goldenPath) return 'golden path';
  return s.sourceTemplate ? `template ${s.sourceTemplate}` : 'by hand';
};

const ttpHours = (s: ServiceRow) =>
  s.createdAt && s.firstProductionDeployAt
    ? (Date.parse(s.firstProductionDeployAt) - Date.parse(s.createdAt)) /
      3_600_000
    : undefined;

export const ServicesTable = (props: {
  services: ServiceRow[];
  fileName: string;
}) => {
  const columns: TableColumn<ServiceRow>[] = [
    {
      title: 'Service',
      render: s => (
        <Link component={RouterLink} href={entityPath(s.entityRef)}>
          {entityName(s.entityRef)}
        </Link>
      ),
    },
    {
      title: 'Origin',
      render: s => originOf(s),
    },
    { title: 'Production deploys', field: 'deploys', type: 'numeric' },
    { title: 'Failed syncs', field: 'failedDeploys', type: 'numeric' },
    {
      title: 'Create to production',
      render: s => (s.goldenPath ? hours(ttpHours(s)) : ''),
    },
  ];
  const csvColumns: CsvColumn<ServiceRow>[] = [
    { header: 'service', value: s => s.entityRef },
    { header: 'owner', value: s => s.owner },
    { header: 'golden_path', value: s => String(s.goldenPath) },
    { header: 'source_template', value: s => s.sourceTemplate },
    { header: 'production_deploys', value: s => s.deploys },
    { header: 'failed_syncs', value: s => s.failedDeploys },
    { header: 'created_at', value: s => s.createdAt },
    {
      header: 'first_production_deploy_at',
      value: s => s.firstProductionDeployAt,
    },
  ];
  return (
    <TableWithCsv
      title="Services"
      columns={columns}
      csvColumns={csvColumns}
      rows={props.services}
      fileName={props.fileName}
    />
  );
};
