// A small client for a backend started by the scripts (static-token external access): the
// benchmark and the task-recovery check drive the scaffolder through it as the UI would.
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export function portalApi(baseUrl, token) {
  async function call(method, url, body) {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) {
      throw new Error(
        `${method} ${url} answered ${res.status}: ${await res.text()}`,
      );
    }
    // Some routes answer 200 with no body (the scheduler's trigger).
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  }

  return {
    call,
    /** Waits (bounded) until the catalog has the golden-path template and the checkout team. */
    async waitForGoldenPath(backend, timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (backend.exitCode !== null)
          throw new Error(`backend exited with code ${backend.exitCode}`);
        try {
          await call(
            'GET',
            '/api/catalog/entities/by-name/template/default/new-microservice',
          );
          await call(
            'GET',
            '/api/catalog/entities/by-name/group/default/checkout',
          );
          return;
        } catch {
          await sleep(1000);
        }
      }
      throw new Error(
        `the template was not in the catalog after ${timeoutMs / 1000} s`,
      );
    },
    submitGoldenPath(name) {
      return call('POST', '/api/scaffolder/v2/tasks', {
        templateRef: 'template:default/new-microservice',
        values: {
          name,
          owner: 'group:default/checkout',
          description: 'Made by a script of ./paved',
          language: 'go',
          environment: 'dev',
          database: {
            enabled: true,
            offering: 'postgresql',
            tier: 'standard',
            storageGB: 20,
            region: 'eu-west-1',
          },
        },
      });
    },
    events: id => call('GET', `/api/scaffolder/v2/tasks/${id}/events`),
    /** Polls until the task ends; throws with the step errors when it failed. */
    async waitForTask(id, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const task = await call('GET', `/api/scaffolder/v2/tasks/${id}`);
        if (task.status === 'completed') return task;
        if (['failed', 'cancelled'].includes(task.status)) {
          const events = await call(
            'GET',
            `/api/scaffolder/v2/tasks/${id}/events`,
          );
          const errors = events
            .filter(e => e.body?.error)
            .map(e => e.body.error.message);
          throw new Error(`task ${id} ${task.status}: ${errors.join('; ')}`);
        }
        if (Date.now() > deadline)
          throw new Error(
            `task ${id} still ${task.status} after ${timeoutMs / 1000} s`,
          );
        await sleep(100);
      }
    },
  };
}
