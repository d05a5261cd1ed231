import { test, expect } from '@playwright/test';
import { fillServiceStep, signInAsGuest } from './portalSteps';

test('home page puts the golden path first and shows the team services', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(page).toHaveTitle(/Paved/);
  await expect(
    page.getByRole('link', { name: 'Create a service' }),
  ).toBeVisible();
  // The guest belongs to the checkout team of the example organisation.
  await expect(page.getByRole('link', { name: 'Checkout API' })).toBeVisible();
  await expect(page.getByText('Create a New Microservice')).toBeVisible();
});

test('catalog shows the example organisation', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  for (const name of ['Payments Gateway', 'Storefront Web', 'Fraud Scoring']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.goto('/catalog?filters[kind]=group&filters[user]=all');
  await expect(
    page.getByRole('link', { name: 'Platform Team', exact: true }),
  ).toBeVisible();
});

test('the golden-path form rejects an invalid service name and accepts a valid one', async ({
  page,
}) => {
  await signInAsGuest(page);
  await fillServiceStep(page, {
    name: 'Orders_API',
    description: 'Takes and tracks orders',
  });
  await expect(
    page.getByText('Create a New Microservice').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // Rejected, with the reason in words, and the form stays on the first step.
  await expect(
    page.getByText(/Use 4 to 30 characters: lowercase letters/).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: /Service name/ }),
  ).toBeVisible();

  const name = page.getByRole('textbox', { name: /Service name/ });
  await name.fill('orders-api');
  await page.getByRole('button', { name: 'Next' }).click();
  // Accepted: the second step asks for the language.
  await expect(page.getByText('Language').first()).toBeVisible();
  await expect(page.getByText(/Use 4 to 30 characters/)).toHaveCount(0);
});
