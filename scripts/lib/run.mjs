// Process helpers for the set-up scripts. Every command is spawned with an argument array,
// never through a shell, so paths and names are never interpreted.
import { spawn } from 'node:child_process';

/** Runs a command, streaming its output; rejects with a readable error when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', error =>
      reject(new Error(`could not start ${command}: ${error.message}`)),
    );
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${[command, ...args].join(' ')} failed (${
              signal ? `signal ${signal}` : `exit code ${code}`
            })`,
          ),
        );
    });
  });
}

/** Runs a command and returns its trimmed stdout, or undefined when it cannot run. */
export function capture(command, args, options = {}) {
  return new Promise(resolve => {
    let out = '';
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      ...options,
    });
    child.stdout.on('data', chunk => (out += chunk));
    child.on('error', () => resolve(undefined));
    child.on('exit', code => resolve(code === 0 ? out.trim() : undefined));
  });
}

/** Prints a step banner and the time the step took. */
export async function step(title, fn) {
  const started = Date.now();
  console.log(`\n\u25b6 ${title}`);
  const result = await fn();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\u2714 ${title} (${seconds} s)`);
  return result;
}
