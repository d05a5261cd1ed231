// Which sources could not be read on their last pass, since when, and why: the numbers above
// them are as of the last success.
import { WarningPanel } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { SourceStatus } from '../AdoptionClient';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : 'never');

export const SourcesPanel = ({ sources }: { sources: SourceStatus[] }) => {
  const stale = sources.filter(s => s.lastError);
  if (!stale.length) return null;
  return (
    <WarningPanel
      title={`${stale.length} source${
        stale.length > 1 ? 's' : ''
      } could not be read: figures from ${
        stale.length > 1 ? 'them are' : 'it are'
      } as of the last success`}
    >
      {stale.map(s => (
        <Typography
          key={s.collector}
          variant="body2"
          component="div"
          style={{ marginBottom: 8 }}
        >
          <strong>{s.collector}</strong>: stale since {when(s.lastSuccessAt)}{' '}
          (last tried {when(s.lastAttemptAt)}).
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.lastError}</pre>
        </Typography>
      ))}
    </WarningPanel>
  );
};
