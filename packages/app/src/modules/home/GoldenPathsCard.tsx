import useAsync from 'react-use/esm/useAsync';
import { EmptyState, Progress } from '@backstage/core-components';
import { RequestErrorPanel } from '@internal/plugin-paved-react';
import { RouterLink, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText, Button } from '@material-ui/core';

/** The templates the platform team recommends (tagged `recommended`). */
export const GoldenPathsCard = () => {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Template', 'metadata.tags': 'recommended' },
      fields: ['metadata'],
    });
    return items;
  }, [catalogApi]);

  if (loading) return <Progress />;
  if (error) return <RequestErrorPanel error={error} />;
  return (
    <>
      {value?.length ? (
        <List dense>
          {value.map(template => (
            <ListItem key={template.metadata.name} divider>
              <ListItemText
                primary={template.metadata.title ?? template.metadata.name}
                secondary={template.metadata.description}
              />
              <Button
                color="primary"
                variant="outlined"
                style={{ flexShrink: 0, marginLeft: 16 }}
                component={RouterLink}
                href={`/create/templates/${
                  template.metadata.namespace ?? 'default'
                }/${template.metadata.name}`}
              >
                Choose
              </Button>
            </ListItem>
          ))}
        </List>
      ) : (
        <EmptyState
          missing="content"
          title="No recommended templates"
          description="Tag a template with 'recommended' in templates/ to list it here."
        />
      )}
    </>
  );
};
