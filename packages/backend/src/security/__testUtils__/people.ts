// People of the example organisation (catalog/org/users.yaml), signed in through the test-only
// paved-test provider (plugins/auth-backend-module-paved-test-provider).
export const PEOPLE = {
  /** checkout developer (the demo guest account) */
  checkoutDeveloper: 'guest',
  /** payments developer */
  paymentsDeveloper: 'fatima.haddad',
  /** platform engineer */
  platformEngineer: 'priya.raman',
} as const;

export type Person = keyof typeof PEOPLE;

/** Signs a person in; the catalog may still be reading the organisation, so this retries. */
export async function signIn(
  baseUrl: string,
  userName: string,
): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(`${baseUrl}/api/auth/paved-test/refresh`, {
      headers: { 'x-paved-test-user': userName },
    });
    const body = await res.text();
    if (res.ok) return JSON.parse(body).backstageIdentity.token;
    last = `${res.status} ${body}`;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${userName} could not sign in: ${last}`);
}
