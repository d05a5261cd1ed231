import { coreApis, RouterLink, useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import AddCircleOutline from '@material-ui/icons/AddCircleOutline';

const useStyles = makeStyles(theme => ({
  hero: {
    background:
      'linear-gradient(110deg, #1f242c 0%, #2f3744 60%, #3a4150 100%)',
    color: '#ffffff',
    borderRadius: 12,
    padding: theme.spacing(5, 5),
    marginBottom: theme.spacing(3),
    borderBottom: '6px dashed #f5b700',
  },
  lead: { color: '#d5d9e0', maxWidth: 760, margin: theme.spacing(1.5, 0, 3) },
  steps: { color: '#aab1bd', marginTop: theme.spacing(2) },
  secondary: {
    color: '#ffffff',
    borderColor: '#8a93a3',
    marginLeft: theme.spacing(2),
  },
}));

/** The golden path, front and centre: one button from idea to running service. */
export const GoldenPathHero = () => {
  const classes = useStyles();
  const config = useApi(coreApis.config);
  const templateRef = parseEntityRef(
    config.getOptionalString('paved.goldenPathTemplate') ??
      'template:default/new-microservice',
  );
  return (
    <Box className={classes.hero} component="section" aria-label="Golden path">
      <Typography variant="h3" component="h1">
        Ship a new service today
      </Typography>
      <Typography variant="h6" component="p" className={classes.lead}>
        One form gives you a repository with a complete service skeleton, its CI
        pipeline, an Argo CD application, the database you ask for and a catalog
        entry. No ticket, no waiting.
      </Typography>
      <Button
        variant="contained"
        color="primary"
        size="large"
        startIcon={<AddCircleOutline />}
        component={RouterLink}
        // MUI marks non-anchor components as buttons; this one navigates.
        role="link"
        href={`/create/templates/${templateRef.namespace}/${templateRef.name}`}
      >
        Create a service
      </Button>
      <Button
        variant="outlined"
        size="large"
        className={classes.secondary}
        component={RouterLink}
        role="link"
        href="/create"
      >
        All templates
      </Button>
      <Typography variant="body2" className={classes.steps}>
        Repository → CI → Argo CD → infrastructure → catalog, in seconds.
      </Typography>
    </Box>
  );
};
