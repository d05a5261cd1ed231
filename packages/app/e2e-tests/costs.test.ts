// Costs in the browser: a service's cost card, the price of a database choice in Create as the tier
// changes, and the Costs page with its CSV. On the embedded defaults no cluster is configured, so
// the card must say what to configure; with `./paved demo` it shows figures.
import { test, expect } from '@playwright/test';
import { csvLines, fillServiceStep, signInAsGuest } from './portalSteps';

test('a developer sees the cost card on a service', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/orders-service');
  await expect(
    page.getByText('Kubernetes workloads and databases of this service'),
  ).toBeVisible();
  await expect(
    page.getByText(/To fix: |Monthly run-rate/).first(),
  ).toBeVisible();
});

test('in Create, changing the tier changes the monthly price shown', async ({
  page,
}) => {
  await signInAsGuest(page);
  await fillServiceStep(page, {
    name: `e2e-price-${Date.now().toString(36)}`,
    description: 'Price check',
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Language').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Add a PostgreSQL database').check();
  const price = page.getByRole('status', { name: 'Monthly price' });
  // Standard, 20 GB (the defaults): 730 h × 0.072 + 20 × 0.115 = 52.56 + 2.30.
  await expect(price).toContainText('$54.86');
  await page.getByLabel(/Tier/).click();
  await page.getByRole('option', { name: /Small/ }).click();
  // Small, 20 GB: 730 h × 0.036 + 2.30 = 26.28 + 2.30.
  await expect(price).toContainText('$28.58');
  await page.getByRole('spinbutton', { name: /Storage/ }).fill('10');
  await expect(price).toContainText('$27.43');
});

test('a manager opens Costs and downloads the CSV', async ({ page }) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Costs' }).first().click();
  await expect(page.getByRole('heading', { name: 'Costs' })).toBeVisible();
  await expect(page.getByText('unallocated (no component)')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await csvLines(await download);
  expect(csv[0]).toBe(
    'team,services,cpu,memory,storage,gpu,databases,other,total,complete',
  );
  expect(csv.some(line => line.startsWith('idle capacity (not spread),'))).toBe(
    true,
  );
});
