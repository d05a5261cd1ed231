// Portal use and the survey, wired onto the plugin's router: their stores (the plugin's database,
// migrations/), the pseudonyms and the catalog lookups they share.
import {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { AdoptionSettings } from '../settings';
import { addSurveyRoutes } from '../survey/surveyRoutes';
import { SurveyStore } from '../survey/SurveyStore';
import { addUsageRoutes } from '../usage/usageRoutes';
import { UsageStore } from '../usage/UsageStore';
import { PeopleDirectory } from './PeopleDirectory';
import { Pseudonyms } from './pseudonyms';

export async function addPeopleRoutes(
  router: express.Router,
  deps: {
    settings: AdoptionSettings;
    /** The configured salt; undefined means the stored one (see pseudonymSalt.ts). */
    pseudonymSalt?: string;
    database: DatabaseService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor?: AuditorService;
  },
): Promise<void> {
  const usageStore = await UsageStore.create(deps.database);
  const surveyStore = new SurveyStore(usageStore.db);
  const pseudonyms = new Pseudonyms(usageStore.db, deps.pseudonymSalt);
  const directory = new PeopleDirectory({
    ...deps,
    eligiblePeople: deps.settings.eligiblePeople,
  });
  const shared = { ...deps, pseudonyms, directory };
  addUsageRoutes(router, { ...shared, usageStore });
  addSurveyRoutes(router, {
    ...shared,
    surveyStore,
    survey: deps.settings.survey,
  });
}
