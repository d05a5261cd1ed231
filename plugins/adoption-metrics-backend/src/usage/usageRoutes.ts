// POST /events: a signed-in person's batch of Analytics API events. Who it is comes from their
// token only; what is stored is a salted pseudonym per hour, their team and counts per plugin.
// GET /usage: portal use for the Adoption page, behind the read permission.
// POST /events needs adoption.usage.record (the policy allows it for everyone signed in).
import { parseInput } from '@internal/plugin-paved-node';
import express from 'express';
import { z } from 'zod';
import {
  AccessDeps,
  authorizeRead,
  authorizeUsageRecord,
} from '../people/http';
import { jsonBody } from '../people/jsonBody';
import { PeopleDirectory } from '../people/PeopleDirectory';
import { Pseudonyms } from '../people/pseudonyms';
import { parseQuery, summaryQuery } from '../queries';
import { usageReport } from './usageReport';
import { UsageStore } from './UsageStore';

export const MAX_EVENTS_PER_BATCH = 100;

const event = z.strictObject({
  action: z.string().min(1).max(100),
  subject: z.string().max(500),
  context: z.strictObject({
    pluginId: z.string().min(1).max(100),
    extensionId: z.string().max(200).optional(),
    routeRef: z.string().max(200).optional(),
  }),
});

// Strict: a body that tries to say who the person is (or anything else unexpected) is refused.
const eventsBody = z.strictObject({
  events: z
    .array(event)
    .min(1, 'send at least one event')
    .max(
      MAX_EVENTS_PER_BATCH,
      `send at most ${MAX_EVENTS_PER_BATCH} events at a time`,
    ),
});

export interface UsageRouteDeps extends AccessDeps {
  usageStore: UsageStore;
  pseudonyms: Pseudonyms;
  directory: PeopleDirectory;
}

export function addUsageRoutes(router: express.Router, deps: UsageRouteDeps) {
  router.post(
    '/events',
    jsonBody(
      '200kb',
      `send {"events": [...]} with at most ${MAX_EVENTS_PER_BATCH} events`,
    ),
    async (req, res) => {
      const userRef = await authorizeUsageRecord(deps, req);
      const { events } = parseInput(eventsBody, req.body, 'body');
      const [pseudonym, team] = await Promise.all([
        deps.pseudonyms.of(userRef),
        deps.directory.teamOf(userRef),
      ]);
      await deps.usageStore.record({
        at: new Date(),
        pseudonym,
        team,
        events: events.map(e => ({
          pluginId: e.context.pluginId,
          action: e.action,
        })),
      });
      res.status(202).json({ accepted: events.length });
    },
  );

  router.get('/usage', async (req, res) => {
    await authorizeRead(deps, req);
    // The same range, time zone and team parameters as /summary.
    const query = parseQuery(summaryQuery, req);
    res.json(
      await usageReport(
        { store: deps.usageStore, directory: deps.directory },
        query,
      ),
    );
  });
}
