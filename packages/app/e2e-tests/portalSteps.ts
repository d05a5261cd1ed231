// What a person does in the portal, shared by the end-to-end tests.
import { expect, Page } from '@playwright/test';

/** Signs in with the guest provider, as a developer on a fresh machine does. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('heading', { name: 'Ship a new service today' }),
  ).toBeVisible();
}

/** Opens the golden path from the home page and fills its first step (not submitted). */
export async function fillServiceStep(
  page: Page,
  service: { name: string; description: string },
) {
  await page.getByRole('link', { name: 'Create a service' }).click();
  await page.getByRole('textbox', { name: /Service name/ }).fill(service.name);
  await page.getByLabel(/Owner/).fill('Checkout');
  await page
    .getByRole('option', { name: /Checkout/ })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: /Description/ })
    .fill(service.description);
}
