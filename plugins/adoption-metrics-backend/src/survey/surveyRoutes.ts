// The quarterly survey: whether to ask the signed-in person, their answer (or "not now"), and the
// results behind the read permission, hidden below the minimum number of answers. Answering needs
// adoption.survey.answer (the policy allows it for everyone signed in).
import { NotFoundError } from '@backstage/errors';
import { satisfaction } from '@internal/plugin-adoption-metrics-common';
import { parseInput } from '@internal/plugin-paved-node';
import express from 'express';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  AccessDeps,
  authorizeRead,
  authorizeSurveyAnswer,
  callerRef,
} from '../people/http';
import { jsonBody } from '../people/jsonBody';
import { PeopleDirectory } from '../people/PeopleDirectory';
import { ownerRef, parseQuery, quarter as quarterParam } from '../queries';
import { Pseudonyms } from '../people/pseudonyms';
import { quarterOf } from './quarter';
import { SurveyStore } from './SurveyStore';

export const SURVEY_SOURCE =
  'the quarterly survey in the portal (answers stored without identity)';

const answerBody = z.strictObject({
  score: z
    .number({ error: 'must be a whole number from 0 to 10' })
    .int('must be a whole number from 0 to 10')
    .min(0, 'must be a whole number from 0 to 10')
    .max(10, 'must be a whole number from 0 to 10'),
  improvement: z.string().max(1000, 'at most 1000 characters').optional(),
});
const dismissBody = z.strictObject({ dismissed: z.literal(true) });

const resultsQuery = z.strictObject({
  quarter: quarterParam.optional(),
  owner: ownerRef.optional(),
});
// /survey/status takes no parameters; one sent by mistake is named, not ignored.
const statusQuery = z.strictObject({});

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface SurveyRouteDeps extends AccessDeps {
  surveyStore: SurveyStore;
  pseudonyms: Pseudonyms;
  directory: PeopleDirectory;
  survey: { enabled: boolean; minResponses: number };
}

export function addSurveyRoutes(router: express.Router, deps: SurveyRouteDeps) {
  router.get('/survey/status', async (req, res) => {
    const userRef = await callerRef(deps.httpAuth, req);
    parseQuery(statusQuery, req);
    const quarter = quarterOf(new Date());
    const enabled = deps.survey.enabled;
    const asked =
      enabled &&
      (await deps.surveyStore.wasAsked(
        quarter,
        await deps.pseudonyms.of(userRef),
      ));
    res.json({ quarter, enabled, ask: enabled && !asked });
  });

  router.post(
    '/survey',
    jsonBody(
      '16kb',
      'send {"score": 0-10, "improvement": "..."} or {"dismissed": true}',
    ),
    async (req, res) => {
      const userRef = await authorizeSurveyAnswer(deps, req);
      if (!deps.survey.enabled) {
        throw new NotFoundError(
          'The survey is off (adoptionMetrics.survey.enabled)',
        );
      }
      const dismissal =
        typeof req.body === 'object' && req.body && 'dismissed' in req.body;
      const body = dismissal
        ? parseInput(dismissBody, req.body, 'body')
        : parseInput(answerBody, req.body, 'body');
      const now = new Date();
      const quarter = quarterOf(now);
      const improvement =
        'improvement' in body
          ? body.improvement?.trim() || undefined
          : undefined;
      await deps.surveyStore.record({
        quarter,
        pseudonym: await deps.pseudonyms.of(userRef),
        day: now.toISOString().slice(0, 10),
        answer:
          'score' in body
            ? {
                score: body.score,
                improvement,
                team: await deps.directory.teamOf(userRef),
              }
            : undefined,
      });
      res
        .status(201)
        .json({ quarter, recorded: dismissal ? 'dismissal' : 'answer' });
    },
  );

  router.get('/survey/results', async (req, res) => {
    await authorizeRead(deps, req);
    const query = parseQuery(resultsQuery, req);
    const quarter = query.quarter ?? quarterOf(new Date());
    const answers = await deps.surveyStore.answers(quarter, query.owner);
    const result = satisfaction(
      answers.map(a => a.score),
      deps.survey.minResponses,
    );
    res.json({
      quarter,
      owner: query.owner,
      satisfaction: result,
      // Free text only above the minimum, in random order, without team or day.
      improvements: result.hidden
        ? undefined
        : shuffled(
            answers.flatMap(a => (a.improvement ? [a.improvement] : [])),
          ),
      source: SURVEY_SOURCE,
    });
  });
}
