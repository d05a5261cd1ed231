import { test, expect, Page } from '@playwright/test';
import { fillServiceStep, signInAsGuest } from './portalSteps';

// Repositories and catalog entities outlive a run (they are kept under .paved/data), so every
// run creates services of its own.
const runId = Date.now().toString(36);

/** Fills the golden-path form up to the review step. */
async function fillGoldenPathForm(
  page: Page,
  service: { name: string; storageGB: number },
) {
  await fillServiceStep(page, {
    name: service.name,
    description: 'Made by the end-to-end test',
  });
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByText('Language').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Add a PostgreSQL database').check();
  const storage = page.getByRole('spinbutton', { name: /Storage/ });
  await storage.fill(String(service.storageGB));
  await page.getByRole('button', { name: 'Review' }).click();
}

test('Create a service with a database: the task finishes and its catalog page opens', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = `e2e-${runId}`;
  await signInAsGuest(page);
  await fillGoldenPathForm(page, { name, storageGB: 20 });
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByRole('link', { name: 'Argo CD application' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Database claim' }),
  ).toBeVisible();
  await expect(page.getByText(`git clone`).first()).toBeVisible();

  const repositoryPage = await page
    .getByRole('link', { name: 'Repository' })
    .getAttribute('href');

  await openInCatalog.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(
    page.getByText('Made by the end-to-end test').first(),
  ).toBeVisible();

  // The repository link opens the repository on the embedded git host.
  await page.goto(repositoryPage!);
  await expect(
    page.getByText(new RegExp(`git clone .*/checkout/${name}\\.git`)),
  ).toBeVisible();
  await expect(page.getByText('catalog-info.yaml').first()).toBeVisible();
});

test('a database over the storage cap is rejected before anything is created', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `e2e-big-${runId}`;
  await signInAsGuest(page);
  await fillGoldenPathForm(page, { name, storageGB: 80 });
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(
    page
      .getByText(/storage 80 GB exceeds the 50 GB limit of tier standard/)
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  // Nothing was made: the service is not in the catalog.
  await page.goto(`/catalog/default/component/${name}`);
  await expect(
    page.getByText(/not found|does not exist/i).first(),
  ).toBeVisible();
});
