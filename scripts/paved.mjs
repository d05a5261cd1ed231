#!/usr/bin/env node
// The project's entry point: `./paved start` and `./paved test` (see README "Quick start").
// Runs on the system Node (20 or newer); everything after set-up runs on a Node that
// Backstage supports, fetched from the npm registry when needed.
import { toolchainEnv } from './lib/toolchain.mjs';
import { ensureDependencies, yarn } from './lib/yarn.mjs';
import { startPortal } from './commands/start.mjs';
import { runAllTests } from './commands/test.mjs';
import { startDemo } from './commands/demo.mjs';
import { benchGoldenPath } from './commands/bench.mjs';
import { benchPlugin } from './commands/bench-plugin.mjs';
import { runCheck } from './commands/check.mjs';

const USAGE = `usage: ./paved <command>

  start          install what is missing, then start the portal on http://localhost:3000
  test           install what is missing, then run every check and test
  demo           the portal connected to a Kubernetes API server filled with demo state
                 (the local control plane in k8s/, built once per machine; needs Go)
  bench          time the golden-path task (submit to completed, 5 runs, median)
  bench adoption the adoption metrics on generated data (request p95, a collector pass)
  bench costs    workload costs on generated data (a pass over 50 000 pods, request p95)
  check <name>   one of the checks \`test\` runs, alone (scripts/commands/check-<name>.mjs)
  yarn <args>    run the project's Yarn with the project's Node (e.g. ./paved yarn tsc)
`;

async function main([command, ...rest]) {
  if (!['start', 'test', 'demo', 'bench', 'check', 'yarn'].includes(command)) {
    process.stderr.write(USAGE);
    return command ? 2 : 0;
  }
  const env = await toolchainEnv();
  await ensureDependencies(env);
  if (command === 'start') await startPortal(env, rest);
  if (command === 'test') await runAllTests(env, rest);
  if (command === 'demo') await startDemo(env);
  if (command === 'bench' && ['adoption', 'costs'].includes(rest[0]))
    await benchPlugin(env, rest[0]);
  else if (command === 'bench') await benchGoldenPath(env, rest);
  if (command === 'check') await runCheck(env, rest);
  if (command === 'yarn') await yarn(rest, env);
  return 0;
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(`\n\u2716 ${error.message}`);
    process.exit(1);
  },
);
