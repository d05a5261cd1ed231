// The adoption metrics API. Authenticated, read behind a permission, inputs checked with zod;
// nothing here identifies a person.
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { adoptionMetricsReadPermission } from '@internal/plugin-adoption-metrics-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AdoptionSettings } from './settings';
import { AdoptionStore } from './store/AdoptionStore';
import { adoptionSummary, componentDelivery } from './summary';

const summaryQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(28),
  timeZone: z
    .string()
    .default('UTC')
    .refine(tz => {
      try {
        return Boolean(new Intl.DateTimeFormat('en', { timeZone: tz }));
      } catch {
        return false;
      }
    }, 'must be an IANA time zone, e.g. Europe/Berlin'),
  owner: z
    .string()
    .regex(
      /^group:[a-z0-9-]+\/[a-z0-9._-]+$/i,
      'must be a group ref, e.g. group:default/checkout',
    )
    .optional(),
});

const componentQuery = z.object({
  entityRef: z
    .string()
    .regex(
      /^component:[a-z0-9-]+\/[a-z0-9._-]+$/i,
      'must be a component ref, e.g. component:default/orders-api',
    ),
  days: summaryQuery.shape.days,
  timeZone: summaryQuery.shape.timeZone,
});

function parse<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}

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
