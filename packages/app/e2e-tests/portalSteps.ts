// What a person does in the portal, shared by the end-to-end tests.
import { expect, Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

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
  // The guest belongs to one team only, so the owner picker has already chosen it.
  await expect(page.getByRole('textbox', { name: /Owner/ })).toHaveValue(
    'Checkout',
  );
  await page
    .getByRole('textbox', { name: /Description/ })
    .fill(service.description);
}

/** The lines of a downloaded CSV file (CRLF line ends, as RFC 4180 says), without the last empty one. */
export async function csvLines(download: Download) {
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}
