// The adoption metrics API. Authenticated, read behind adoption.metrics.read, inputs checked with zod;
// nothing here identifies a person.
import express from 'express';
import Router from 'express-promise-router';
import { AccessDeps, authorizeRead } from './people/http';
import {
  applicationsQuery,
  componentQuery,
  parseQuery,
  summaryQuery,
} from './queries';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { liveApplications } from './delivery/liveApplications';
import { entityName } from './summary/scope';
import { AdoptionSettings } from './settings';
import { AdoptionStore } from './store/AdoptionStore';
import { adoptionSummary, componentDelivery } from './summary';

export async function createRouter(
  deps: AccessDeps & {
    store: AdoptionStore;
    settings: AdoptionSettings;
    config: Config;
    logger: LoggerService;
  },
): Promise<express.Router> {
  const router = Router();

  router.get('/summary', async (req, res) => {
    await authorizeRead(deps, req);
    res.json(
      await adoptionSummary(
        deps.store,
        deps.settings,
        parseQuery(summaryQuery, req),
      ),
    );
  });

  router.get('/component', async (req, res) => {
    await authorizeRead(deps, req);
    res.json(
      await componentDelivery(
        deps.store,
        deps.settings,
        parseQuery(componentQuery, req),
      ),
    );
  });

  // What Argo CD says about the component's Applications now, in every environment.
  router.get('/applications', async (req, res) => {
    await authorizeRead(deps, req);
    const { entityRef } = parseQuery(applicationsQuery, req);
    res.json(await liveApplications(deps, entityName(entityRef)));
  });

  router.get('/sources', async (req, res) => {
    await authorizeRead(deps, req);
    res.json({ items: await deps.store.collectorStatus() });
  });

  return router;
}
