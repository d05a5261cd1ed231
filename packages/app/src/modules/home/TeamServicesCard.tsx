import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import { coreApis, RouterLink, useApi } from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityRefLink, catalogApiRef } from '@backstage/plugin-catalog-react';
import { Button, Chip } from '@material-ui/core';

const SOURCE_TEMPLATE = 'backstage.io/source-template';

const columns: TableColumn<Entity>[] = [
  {
    title: 'Service',
    render: entity => <EntityRefLink entityRef={entity} />,
  },
  { title: 'Type', render: entity => String(entity.spec?.type ?? '') },
  {
    title: 'Lifecycle',
    render: entity => String(entity.spec?.lifecycle ?? ''),
  },
  {
    title: 'Owner',
    render: entity => (
      <EntityRefLink
        entityRef={String(entity.spec?.owner ?? '')}
        defaultKind="group"
      />
    ),
  },
  {
    title: 'Made on the golden path',
    render: entity =>
      entity.metadata.annotations?.[SOURCE_TEMPLATE] ? (
        <Chip size="small" label="golden path" color="primary" />
      ) : (
        ''
      ),
  },
];

/** The components owned by the signed-in person and their teams. */
export const TeamServicesCard = () => {
  const identityApi = useApi(coreApis.identity);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Component', 'relations.ownedBy': ownershipEntityRefs },
      fields: ['kind', 'metadata', 'spec'],
    });
    return items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }, [identityApi, catalogApi]);

  if (loading) return <Progress />;
  if (error) return <RequestErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <EmptyState
        missing="data"
        title="Your teams own no services yet"
        description="Services appear here when a catalog Component names one of your teams as spec.owner. Create one with the golden path."
        action={
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            href="/create"
          >
            Create a service
          </Button>
        }
      />
    );
  }
  return (
    <Table
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={value}
    />
  );
};
