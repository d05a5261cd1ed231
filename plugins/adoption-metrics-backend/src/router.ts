// The adoption metrics API. Authenticated, read behind a permission, inputs checked with zod;
// nothing here identifies a person.
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { adoptionMetricsReadPermission } from '@internal/plugin-adoption-metrics-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { componentQuery, parse, summaryQuery } from './queries';
import { AdoptionSettings } from './settings';
import { AdoptionStore } from './store/AdoptionStore';
import { adoptionSummary, componentDelivery } from './summary';

export async function createRouter(deps: {
  store: AdoptionStore;
  settings: AdoptionSettings;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Promise<express.Router> {
  const router = Router();

  async function authorize(req: Request) {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await deps.permissions.authorize(
      [{ permission: adoptionMetricsReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the adoption metrics');
    }
  }

  router.get('/summary', async (req, res) => {
    await authorize(req);
    res.json(
      await adoptionSummary(
        deps.store,
        deps.settings,
        parse(summaryQuery, req.query),
      ),
    );
  });

  router.get('/component', async (req, res) => {
    await authorize(req);
    res.json(
      await componentDelivery(
        deps.store,
        deps.settings,
        parse(componentQuery, req.query),
      ),
    );
  });

  router.get('/sources', async (req, res) => {
    await authorize(req);
    res.json({ items: await deps.store.collectorStatus() });
  });

  return router;
}
