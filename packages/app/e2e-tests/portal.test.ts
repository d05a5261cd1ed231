import { test, expect, Page } from '@playwright/test';

/** Signs in with the guest provider, as a developer on a fresh machine does. */
async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('heading', { name: 'Ship a new service today' }),
  ).toBeVisible();
}

test('home page puts the golden path first and shows the team services', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(page).toHaveTitle(/Paved/);
  await expect(
    page.getByRole('link', { name: 'Create a service' }),
  ).toBeVisible();
  // The guest belongs to the checkout team of the example organisation.
  await expect(page.getByRole('link', { name: 'checkout-api' })).toBeVisible();
  await expect(page.getByText('Create a New Microservice')).toBeVisible();
});

test('catalog shows the example organisation', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  for (const name of ['payments-gateway', 'storefront-web', 'fraud-scoring']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.goto('/catalog?filters[kind]=group&filters[user]=all');
  await expect(
    page.getByRole('link', { name: 'platform', exact: true }),
  ).toBeVisible();
});

test('the golden-path form rejects an invalid service name and accepts a valid one', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Create a service' }).click();
  await expect(
    page.getByText('Create a New Microservice').first(),
  ).toBeVisible();

  const name = page.getByRole('textbox', { name: /Service name/ });
  await name.fill('Orders_API');
  await page
    .getByRole('textbox', { name: /Description/ })
    .fill('Takes and tracks orders');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page
      .getByText(/4-30 characters: lowercase letters, digits and hyphens/)
      .first(),
  ).toBeVisible();
  await expect(
    page.getByText(/must match pattern|Use 4 to 30|lowercase/).first(),
  ).toBeVisible();

  await name.fill('orders-api');
  await page.getByRole('button', { name: 'Next' }).click();
  // The first page is valid apart from the owner; the name error is gone.
  await expect(page.getByText(/must match pattern/)).toHaveCount(0);
});
