// Backstage's scheduler, with its run-now and cancel routes behind the permission policy.
//
// The default scheduler mounts `POST /.backstage/scheduler/v1/tasks/:id/trigger` and `/cancel` on
// every plugin that schedules work, open to anyone signed in: any developer could start collector
// passes (each a full read of the cluster and the catalog) or cancel one mid-way. This factory
// builds the same DefaultSchedulerService, but every request to those two routes first needs
// schedulerTaskTriggerPermission (the platform team, in Paved's policy); other backends' service
// credentials pass as the permission framework lets them. The task list (GET) stays as it was.
import {
  coreServices,
  createServiceFactory,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { schedulerTaskTriggerPermission } from '@internal/plugin-paved-common';
import Router from 'express-promise-router';

const GUARDED_ROUTES = [
  '/.backstage/scheduler/v1/tasks/:id/trigger',
  '/.backstage/scheduler/v1/tasks/:id/cancel',
];

export const guardedSchedulerServiceFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: {
    database: coreServices.database,
    logger: coreServices.logger,
    rootLifecycle: coreServices.rootLifecycle,
    httpRouter: coreServices.httpRouter,
    pluginMetadata: coreServices.pluginMetadata,
    metrics: metricsServiceRef,
    httpAuth: coreServices.httpAuth,
    permissions: coreServices.permissions,
  },
  async factory({ httpRouter, httpAuth, permissions, ...rest }) {
    const guard = Router();
    guard.post(GUARDED_ROUTES, async (req, _res, next) => {
      const credentials = await httpAuth.credentials(req);
      const [decision] = await permissions.authorize(
        [{ permission: schedulerTaskTriggerPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Only the platform team may run or cancel a scheduled task now (permission ${schedulerTaskTriggerPermission.name}); it runs by itself on its schedule.`,
        );
      }
      next();
    });
    // The scheduler mounts its router through this: the guard goes in front of it.
    const guardedRouter: HttpRouterService = {
      use: handler => httpRouter.use(Router().use(guard, handler)),
      addAuthPolicy: policy => httpRouter.addAuthPolicy(policy),
      addWebSocketHandler: options => httpRouter.addWebSocketHandler(options),
    };
    return DefaultSchedulerService.create({
      ...rest,
      httpRouter: guardedRouter,
    });
  },
});
