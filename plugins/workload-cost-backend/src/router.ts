// The workload-cost API. Authenticated, read behind workloadCostReadPermission, inputs checked
// with zod; the framework turns InputError into 400, NotAllowedError into 403, NotFoundError
// into 404. Response shapes are documented in the README.
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  monthOf,
  utcDay,
  workloadCostReadPermission,
} from '@internal/plugin-workload-cost-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import * as q from './queries';
import { claimPrice } from './service/claimPrice';
import { costInsightsDailyCost, readIntervals } from './service/costInsights';
import { entityCost } from './service/entityCost';
import { groupCost } from './service/groupCost';
import { teamCosts } from './service/teamCosts';
import { CostSettings } from './settings';
import { CostStore } from './store/CostStore';

export async function createRouter(deps: {
  store: CostStore;
  settings: CostSettings;
  config: Config;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The clock, for tests. */
  now?: () => Date;
}): Promise<express.Router> {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const { currency } = deps.settings.prices;

  async function authorize(req: Request) {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await deps.permissions.authorize(
      [{ permission: workloadCostReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read workload costs');
    }
    return credentials;
  }

  router.get('/entity', async (req, res) => {
    const credentials = await authorize(req);
    const { entityRef } = q.parse(q.entityQuery, req.query);
    res.json(await entityCost(deps, entityRef, credentials, now()));
  });

  router.get('/group', async (req, res) => {
    const credentials = await authorize(req);
    const { entityRef, includeSubTeams } = q.parse(q.groupQuery, req.query);
    res.json(
      await groupCost(deps, entityRef, {
        includeSubTeams,
        credentials,
        now: now(),
      }),
    );
  });

  router.get('/teams', async (req, res) => {
    await authorize(req);
    const { month } = q.parse(q.teamsQuery, req.query);
    res.json(
      await teamCosts(
        deps.store,
        currency,
        month ?? monthOf(utcDay(now())),
        now(),
      ),
    );
  });

  router.get('/price', async (req, res) => {
    await authorize(req);
    const { offering, tier, storageGB, ...options } = q.parse(
      q.priceQuery,
      req.query,
    );
    res.json(claimPrice(deps.settings, { offering, tier, storageGB }, options));
  });

  router.get('/status', async (req, res) => {
    await authorize(req);
    res.json({
      collectEveryMinutes: deps.settings.collectEveryMinutes,
      clusters: await deps.store.latestPasses(),
    });
  });

  router.get('/cost-insights/groups/:group/daily-cost', async (req, res) => {
    await authorize(req);
    const intervals = readIntervals(
      q.parse(q.intervalsQuery, req.query).intervals,
    );
    let group: string;
    try {
      // Cost Insights passes a group's name; a full ref is taken too.
      group = stringifyEntityRef(
        parseEntityRef(req.params.group, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new InputError(`group: ${(error as Error).message}`);
    }
    res.json(
      await costInsightsDailyCost(
        deps.store,
        group,
        { currency, owners: [group] },
        intervals,
        now(),
      ),
    );
  });

  router.get(
    '/cost-insights/entities/:kind/:namespace/:name/daily-cost',
    async (req, res) => {
      await authorize(req);
      const params = q.parse(q.costInsightsEntityParams, req.params);
      const intervals = readIntervals(
        q.parse(q.intervalsQuery, req.query).intervals,
      );
      const ref = stringifyEntityRef(params);
      res.json(
        await costInsightsDailyCost(
          deps.store,
          ref,
          { currency, components: [ref] },
          intervals,
          now(),
        ),
      );
    },
  );

  return router;
}
