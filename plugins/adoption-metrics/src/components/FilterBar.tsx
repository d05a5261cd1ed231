// Range and team pickers of the Adoption page. Teams come from the catalog, so a parent group
// (which owns no service itself) can be picked and rolls up its sub-teams.
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, MenuItem, TextField } from '@material-ui/core';
import { RANGE_CHOICES, useAdoptionQuery } from './useAdoptionQuery';

export function useTeams() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile',
      ],
    });
    return items
      .map(g => ({
        ref: stringifyEntityRef(g),
        title:
          g.metadata.title ??
          (g.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ??
          g.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}

export const FilterBar = () => {
  const query = useAdoptionQuery();
  const teams = useTeams();
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <TextField
        select
        id="adoption-range"
        label="Range"
        value={query.rangeKey}
        onChange={e => query.setRange(e.target.value)}
        style={{ minWidth: 160 }}
      >
        {RANGE_CHOICES.map(c => (
          <MenuItem key={c.key} value={c.key}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
      {query.rangeKey === 'custom' && (
        <>
          <TextField
            id="adoption-from"
            label="From"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={query.custom.from ?? ''}
            onChange={e => query.setCustom(e.target.value, query.custom.to)}
          />
          <TextField
            id="adoption-to"
            label="To (included)"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={query.custom.to ?? ''}
            error={Boolean(
              query.custom.from &&
                query.custom.to &&
                query.custom.from > query.custom.to,
            )}
            helperText={
              query.custom.from &&
              query.custom.to &&
              query.custom.from > query.custom.to
                ? 'Pick an end on or after the start'
                : undefined
            }
            onChange={e => query.setCustom(query.custom.from, e.target.value)}
          />
        </>
      )}
      <TextField
        select
        id="adoption-team"
        label="Team (with its sub-teams)"
        value={query.owner ?? ''}
        onChange={e => query.setOwner(e.target.value || undefined)}
        style={{ minWidth: 240 }}
      >
        <MenuItem value="">All teams</MenuItem>
        {(teams.value ?? []).map(t => (
          <MenuItem key={t.ref} value={t.ref}>
            {t.title}
          </MenuItem>
        ))}
        {query.owner && !teams.value?.some(t => t.ref === query.owner) && (
          <MenuItem value={query.owner}>{query.owner}</MenuItem>
        )}
      </TextField>
    </Box>
  );
};
