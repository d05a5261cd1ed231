// "The cost of a choice": in the Create form, the monthly price of the database being chosen, from
// the same price sheet the cost collector uses, updated as the tier, storage or standby change.
// Display only: it puts nothing into the form's values.
import { useEffect, useState } from 'react';
import { Box, CircularProgress, Typography } from '@material-ui/core';
import { formatMoney } from '@internal/plugin-workload-cost-common';
import { useWorkloadCost } from '../api/useWorkloadCost';
import { ClaimPriceAnswer } from '../api/types';

export interface DatabaseChoice {
  enabled?: boolean;
  offering?: string;
  tier?: string;
  storageGB?: number;
  multiAZ?: boolean;
}

/** Shows the price of `choice`; waits a moment after the last change before asking. */
export const DatabasePrice = ({ choice }: { choice?: DatabaseChoice }) => {
  const client = useWorkloadCost();
  const [answer, setAnswer] = useState<ClaimPriceAnswer>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const ready = Boolean(
    choice?.enabled && choice.tier && typeof choice.storageGB === 'number',
  );
  const key = JSON.stringify([
    choice?.offering,
    choice?.tier,
    choice?.storageGB,
    choice?.multiAZ,
  ]);

  useEffect(() => {
    if (!ready || !choice) return undefined;
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(() => {
      client
        .price({
          offering: choice.offering ?? 'postgresql',
          tier: choice.tier!,
          storageGB: choice.storageGB!,
          multiAZ: choice.multiAZ,
        })
        .then(
          a => !cancelled && (setAnswer(a), setError(undefined)),
          e =>
            !cancelled &&
            (setAnswer(undefined), setError((e as Error).message)),
        )
        .finally(() => !cancelled && setLoading(false));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, ready, key]);

  if (!ready) return null;
  return (
    <Box
      role="status"
      aria-label="Monthly price"
      style={{ margin: '8px 0 16px' }}
    >
      <Typography variant="subtitle2">
        Monthly price:{' '}
        {answer ? formatMoney(answer.total, answer.currency) : '…'}
        {loading && <CircularProgress size={12} style={{ marginLeft: 8 }} />}
      </Typography>
      {answer &&
        answer.lines.map(line => (
          <Typography
            key={line}
            variant="caption"
            color="textSecondary"
            component="div"
          >
            {line}
          </Typography>
        ))}
      {error && (
        <Typography variant="caption" color="error" component="div">
          No price: {error}
        </Typography>
      )}
    </Box>
  );
};

/** The scaffolder field: reads the step's `database` choice from the form. */
export const DatabasePriceField = (props: {
  formContext?: { formData?: { database?: DatabaseChoice } };
}) => <DatabasePrice choice={props.formContext?.formData?.database} />;
