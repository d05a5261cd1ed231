// The GitOps repository under contention on a real Gitea: every golden-path task, on every
// replica, commits to its one branch, so pushes lose races to each other all the time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  describeGitea,
  gitAs,
  giteaRepositoryHost,
} from '../__testUtils__/giteaTestEnvironment';
import { goldenPathConfig } from '../__testUtils__/goldenPathConfigFixture';
import { GitOpsRepository } from './GitOpsRepository';

const manifest = (name: string, taskId: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  annotations:\n    paved.dev/scaffolder-task: ${taskId}\n`;

describeGitea('the GitOps repository on a real Gitea', gitea => {
  it('lands twelve writes made at once by twelve tasks, each in one commit', async () => {
    const repoName = `gitops-${randomBytes(4).toString('hex')}`;
    const config = goldenPathConfig({
      delivery: {
        gitopsOwner: gitea.organization,
        gitopsRepository: repoName,
      },
    });
    const repository = new GitOpsRepository(giteaRepositoryHost(gitea), config);
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-race-'));
    const tasks = Array.from({ length: 12 }, (_, i) => `race-task-${i}`);
    const results = await Promise.all(
      tasks.map(taskId =>
        repository.write(
          [
            {
              path: `apps/dev/${taskId}.yaml`,
              content: manifest(taskId, taskId),
            },
          ],
          { workDir, taskId, message: `Add ${taskId}` },
        ),
      ),
    );
    expect(results.map(r => r.written.length)).toEqual(tasks.map(() => 1));

    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-race-clone-'));
    await gitAs(
      gitea,
      [
        'clone',
        '--quiet',
        '--',
        `${gitea.baseUrl}/${gitea.organization}/${repoName}.git`,
        'repo',
      ],
      clone,
    );
    const dir = path.join(clone, 'repo');
    for (const taskId of tasks) {
      const file = `apps/dev/${taskId}.yaml`;
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(
        manifest(taskId, taskId),
      );
      const count = await gitAs(
        gitea,
        ['rev-list', '--count', 'HEAD', '--', file],
        dir,
      );
      expect(count.trim()).toBe('1');
    }
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.rmSync(clone, { recursive: true, force: true });
  }, 180_000);
});
