// A scaffolder action context for tests: a real workspace and temporary folders, and checkpoints
// kept in a map the test can share between two runs to act out a retried task.
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Checkpoints = Map<string, JsonValue | undefined>;

export function workspaceWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-ws-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

export function actionContext<TInput extends JsonObject>(
  input: TInput,
  options: {
    taskId?: string;
    dryRun?: boolean;
    workspacePath?: string;
    checkpoints?: Checkpoints;
  } = {},
) {
  const checkpoints = options.checkpoints ?? new Map();
  const outputs: Record<string, unknown> = {};
  const ctx = createMockActionContext<TInput>({
    input,
    task: { id: options.taskId ?? 'task-1' },
    workspacePath: options.workspacePath ?? workspaceWith({}),
  });
  return {
    outputs,
    checkpoints,
    ctx: {
      ...ctx,
      isDryRun: options.dryRun ?? false,
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      createTemporaryDirectory: async () =>
        fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-tmp-')),
      async checkpoint<T extends JsonValue | void>(opts: {
        key: string;
        fn: () => Promise<T> | T;
      }): Promise<T> {
        if (checkpoints.has(opts.key)) return checkpoints.get(opts.key) as T;
        const value = await opts.fn();
        checkpoints.set(opts.key, value as JsonValue);
        return value;
      },
    } as any,
  };
}
