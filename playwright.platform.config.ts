import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * End-to-end tests on the local platform: the portal with app-config.demo.yaml, on a Kubernetes
 * API server with its controllers and KWOK's nodes, and the real Argo CD syncing the embedded git
 * host. `./paved test` starts that platform and passes what the config reads (PAVED_K8S_URL,
 * PAVED_K8S_TOKEN, PAVED_K8S_CA_FILE, PAVED_ARGOCD_GIT_TOKEN); `./paved demo` is the same portal
 * by hand (then `yarn playwright test -c playwright.platform.config.ts` reuses it). It runs twice,
 * once per delivery mode (PAVED_DELIVERY_MODE=gitops, then kubernetes), each with a portal of its own.
 */
// PAVED_DELIVERY_MODE=kubernetes: the golden path applies to the cluster instead of committing.
const kubernetesDelivery = process.env.PAVED_DELIVERY_MODE === 'kubernetes';

export default defineConfig({
  ...base,
  testDir: 'packages/app/e2e-platform',
  webServer: {
    ...base.webServer,
    command: `yarn start --config ../../app-config.yaml --config ../../app-config.demo.yaml${
      kubernetesDelivery
        ? ' --config ../../scripts/platform-kubernetes-delivery.yaml'
        : ''
    }`,
  },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-platform-report' }],
  ],
  outputDir: 'node_modules/.cache/e2e-platform-results',
});
