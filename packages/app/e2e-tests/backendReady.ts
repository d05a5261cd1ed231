// Playwright's globalSetup (it runs after the webServer is up): `yarn start` serves the frontend
// on :3000 well before the backend on :7007 has started its plugins on a busy machine, and a
// sign-in then fails with "You cannot sign in as a guest". The tests start once the backend
// says it is ready.
const READINESS_URL =
  process.env.PAVED_BACKEND_READINESS_URL ??
  'http://localhost:7007/.backstage/health/v1/readiness';
const TIMEOUT_MS = 300_000;

export default async function backendReady(): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(READINESS_URL, {
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `The backend was not ready within ${
      TIMEOUT_MS / 1000
    } s (${READINESS_URL}: ${last}); see the [WebServer] lines above.`,
  );
}
