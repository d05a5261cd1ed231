// The Create form offers only what the signed-in person may do. The guest is a member of
// checkout (catalog/org/users.yaml) and of no other team; the team's title is "Checkout".
import { test, expect } from '@playwright/test';
import { signInAsGuest } from './portalSteps';

test("a checkout developer sees only checkout in Create's owner picker", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Create a service' }).click();
  const owner = page.getByRole('textbox', { name: /Owner/ });
  // Their only team is chosen for them.
  await expect(owner).toHaveValue('Checkout');

  await owner.click();
  await owner.fill('');
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options).toHaveText(['Checkout']);
  await page.screenshot({ path: 'docs/screenshots/create-owner-picker.png' });
});

test('adding a database to a payments service is refused before submission, saying whom to ask', async ({
  page,
}) => {
  const refusal =
    'You may not add a database to payments-gateway: it is owned by group:default/payments. Ask a member of payments or the platform team.';
  await signInAsGuest(page);
  await page.goto('/create/templates/default/add-database');
  const service = page.getByRole('textbox', { name: /Service/ });
  await service.fill('Payments Gateway');
  await page.getByRole('option', { name: 'Payments Gateway' }).click();

  await expect(page.getByText(refusal).first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/add-database-refused.png' });

  // The form does not go on, so nothing can be created.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(refusal).first()).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: /Storage/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Create' })).toBeHidden();
});

test('a checkout developer is not offered the Template Editor, whose dry runs are for the platform team', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create');
  // The other tabs of the page are there; the editor's is not.
  await expect(page.getByRole('tab', { name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Template Editor' })).toHaveCount(
    0,
  );
});
