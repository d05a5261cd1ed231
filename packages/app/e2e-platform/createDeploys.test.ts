import { test, expect } from '@playwright/test';
import { fillServiceStep, signInAsGuest } from '../e2e-tests/portalSteps';

// Repositories and catalog entities outlive a run (they are kept under .paved/data).
const runId = Date.now().toString(36);
// The portal's delivery mode for this run (playwright.platform.config.ts).
const mode = process.env.PAVED_DELIVERY_MODE ?? 'gitops';

test(`Create deploys for real in ${mode} mode: Argo CD syncs the service, its Pods run, and its page shows both without a reload`, async ({
  page,
}) => {
  test.setTimeout(240_000);
  const name = `live-${mode.slice(0, 3)}-${runId}`;
  await signInAsGuest(page);
  await fillServiceStep(page, {
    name,
    description: 'Deployed by the platform end-to-end test',
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Language').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  // A database too: its claim goes through the GitOps repository's root Application (gitops mode)
  // or is applied next to the Application (kubernetes mode).
  await page.getByLabel('Add a PostgreSQL database').check();
  await page.getByRole('spinbutton', { name: /Storage/ }).fill('20');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 90_000 });
  await openInCatalog.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // The Delivery card reads Argo CD every few seconds: dev becomes Synced and Healthy on its own.
  const devRow = page
    .getByRole('table', { name: 'Argo CD applications' })
    .getByRole('row')
    .filter({ hasText: `${name}-dev on paved-local` });
  await expect(devRow).toContainText('Synced, Healthy', { timeout: 90_000 });
  await expect(devRow).toContainText('Succeeded');
  await expect(devRow).toContainText(/revision [0-9a-f]{7}/);

  // The Kubernetes tab lists the Pod that the Deployment made and KWOK runs.
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page.getByText('1 pod')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('No pods with errors')).toBeVisible();
  await page.getByText('Paved demo cluster').click();
  await expect(page.getByText(`namespace: ${name}-dev`).first()).toBeVisible();
  // The Deployment's row (its title opens a drawer): expanded, it lists its Pods and their phase.
  await page.getByText('No pods with errors').nth(1).click();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: `${name}-` })
      .filter({ hasText: 'Running' }),
  ).toBeVisible();
});
