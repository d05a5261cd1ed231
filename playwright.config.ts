import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in a real browser: Debian's Chromium (no browser download), driven by
 * Playwright against the portal exactly as `./paved start` runs it. `./paved test` installs
 * Chromium when missing and passes its path in PAVED_CHROMIUM.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  workers: 1,
  // The frontend answers before the backend has started; tests wait for the backend too.
  globalSetup: './packages/app/e2e-tests/backendReady.ts',
  webServer: {
    command: 'yarn start',
    url: 'http://localhost:3000',
    // A portal you already run with `./paved start` is used as is.
    reuseExistingServer: true,
    timeout: 300_000,
    stdout: 'pipe',
  },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'node_modules/.cache/e2e-test-results',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PAVED_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
