// A manager reads the Adoption page: the example organisation's numbers with their sources, one
// team (with its sub-teams), another range, and the CSV of what is shown.
import { test, expect } from '@playwright/test';
import { csvLines, signInAsGuest } from './portalSteps';

test('a manager opens Adoption, filters to a team, changes the range and downloads the CSV', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Adoption' }).first().click();
  await expect(page.getByRole('heading', { name: 'Adoption' })).toBeVisible();

  // The collectors snapshot the catalog a little after start-up and then every minute
  // (adoptionMetrics.collectEveryMinutes): wait for the first snapshot.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText(/services made from template:default\/new-microservice/),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 150_000 });
  await expect(page.getByText(/\d+ of 1\d services made from/)).toBeVisible();
  await expect(
    page.getByText('Source: catalog snapshot of', { exact: false }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('Teams (alphabetical: not a leaderboard)'),
  ).toBeVisible();

  // A parent group rolls up its sub-teams; the URL keeps the filter.
  await page
    .getByRole('button', { name: /Team \(with its sub-teams\)/ })
    .click();
  await page.getByRole('option', { name: 'Engineering' }).click();
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fengineering/);
  await expect(
    page.getByRole('heading', { name: 'Engineering' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'checkout-api' })).toBeVisible();

  await page.getByRole('button', { name: /^Range/ }).click();
  await page.getByRole('option', { name: 'Last 90 days' }).click();
  await expect(page).toHaveURL(/range=90/);
  await expect(page.getByText(/^last 90 days:/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).first().click();
  const csv = await csvLines(await download);
  expect(csv[0]).toMatch(/^team,services,golden_path_services,adoption,/);
  // Engineering's sub-teams own services; the data team is not under Engineering.
  expect(csv.slice(1).every(line => line.startsWith('group:default/'))).toBe(
    true,
  );
  expect(csv.length).toBeGreaterThan(1);

  // Drill down to a service's page.
  await page.getByRole('link', { name: 'checkout-api' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api/);
});
