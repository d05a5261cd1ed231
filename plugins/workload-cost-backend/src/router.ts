// The workload-cost API. Authenticated, read behind workloadCostReadPermission, inputs checked
// with zod (queries.ts); the framework turns InputError into 400, NotAllowedError into 403,
// NotFoundError into 404. Routes and response shapes are documented in the README.
import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { authorizeRequest } from '@internal/plugin-paved-node';
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

export const READ_REFUSAL =
  'You may not read workload costs: ask the platform team (paved.permissions) for access';

export async function createRouter(deps: {
  store: CostStore;
  settings: CostSettings;
  config: Config;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor?: AuditorService;
  /** The clock, for tests. */
  now?: () => Date;
}): Promise<express.Router> {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const { currency } = deps.settings.prices;

  const authorize = (req: Request) =>
    authorizeRequest(deps, req, workloadCostReadPermission, {
      refusal: READ_REFUSAL,
    });

  router.get('/entity', async (req, res) => {
    const credentials = await authorize(req);
    const { entityRef } = q.readQuery(q.entityQuery, req).query;
    res.json(await entityCost(deps, entityRef, credentials, now()));
  });

  router.get('/group', async (req, res) => {
    const credentials = await authorize(req);
    const { entityRef, includeSubTeams } = q.readQuery(q.groupQuery, req).query;
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
    const { month } = q.readQuery(q.teamsQuery, req).query;
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
    // The offering's options (multiAZ=true) come on top; claimPrice refuses any it does not price.
    const { query, rest } = q.readQuery(q.priceQuery, req, { extra: true });
    res.json(claimPrice(deps.settings, query, rest));
  });

  router.get('/status', async (req, res) => {
    await authorize(req);
    q.readQuery(q.noQuery, req);
    res.json({
      collectEveryMinutes: deps.settings.collectEveryMinutes,
      clusters: await deps.store.latestPasses(),
    });
  });

  router.get('/cost-insights/groups/:group/daily-cost', async (req, res) => {
    await authorize(req);
    // Cost Insights passes a group's name; a full ref is taken too.
    const group = q.groupRefParam(req.params.group);
    const intervals = readIntervals(
      q.readQuery(q.intervalsQuery, req).query.intervals,
    );
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
      const ref = q.entityRefParams(req.params);
      const intervals = readIntervals(
        q.readQuery(q.intervalsQuery, req).query.intervals,
      );
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
