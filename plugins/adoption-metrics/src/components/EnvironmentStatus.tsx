import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { LiveApplication } from '@internal/plugin-adoption-metrics-common';

const ENVIRONMENT_ORDER = ['dev', 'staging', 'production'];

function order(a: LiveApplication, b: LiveApplication) {
  const rank = (x: LiveApplication) => {
    const i = ENVIRONMENT_ORDER.indexOf(x.environment ?? '');
    return i < 0 ? ENVIRONMENT_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** What went wrong, in Argo CD's own words: a failed operation, then a condition. */
function problemOf(app: LiveApplication): string | undefined {
  const op = app.lastOperation;
  if (op && (op.phase === 'Failed' || op.phase === 'Error')) return op.message;
  const condition = app.conditions.find(c => /Error|Warning/.test(c.type));
  if (condition) return `${condition.type}: ${condition.message ?? ''}`;
  if (app.health === 'Degraded' || app.health === 'Missing')
    return app.healthMessage;
  return undefined;
}

function Sync({ app }: { app: LiveApplication }) {
  const problem = problemOf(app);
  if (problem) return <StatusError>{app.sync ?? 'Not synced'}</StatusError>;
  if (app.sync === 'Synced' && app.health === 'Healthy')
    return <StatusOK>Synced, Healthy</StatusOK>;
  if (app.sync === 'OutOfSync')
    return (
      <StatusWarning>OutOfSync, {app.health ?? 'health unknown'}</StatusWarning>
    );
  if (!app.sync || app.sync === 'Unknown')
    return <StatusPending>Not synced yet</StatusPending>;
  return (
    <StatusPending>
      {app.sync}, {app.health ?? 'health unknown'}
    </StatusPending>
  );
}

/** One row per Argo CD Application of the service: Argo CD's status, last sync, its message. */
export const EnvironmentStatus = ({
  applications,
  errors,
}: {
  applications: LiveApplication[];
  errors: string[];
}) => (
  <>
    <Table size="small" aria-label="Argo CD applications">
      <TableHead>
        <TableRow>
          <TableCell>Environment</TableCell>
          <TableCell>Argo CD</TableCell>
          <TableCell>Last sync</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...applications].sort(order).map(app => {
          const problem = problemOf(app);
          const op = app.lastOperation;
          return (
            <TableRow key={`${app.cluster}/${app.namespace}/${app.name}`}>
              <TableCell>
                {app.environment ?? '–'}
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {app.name} on {app.cluster}
                </Typography>
              </TableCell>
              <TableCell>
                <Sync app={app} />
                {problem && (
                  <Typography variant="caption" display="block" color="error">
                    {problem}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {op
                  ? `${op.phase ?? ''}${
                      op.finishedAt
                        ? ` ${new Date(op.finishedAt).toLocaleString()}`
                        : ''
                    }`
                  : 'never'}
                {app.lastDeploy?.revision && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    revision {app.lastDeploy.revision.slice(0, 7)}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
    {errors.map(error => (
      <Typography key={error} variant="caption" display="block" color="error">
        {error}
      </Typography>
    ))}
  </>
);
