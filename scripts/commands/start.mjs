// `./paved start`: the portal on its embedded defaults (SQLite under .paved/data, guest
// sign-in, the example organisation), frontend on :3000 and backend on :7007.
import fs from 'node:fs';
import { dataDir } from '../lib/paths.mjs';
import { yarn } from '../lib/yarn.mjs';

export async function startPortal(env, args) {
  fs.mkdirSync(dataDir, { recursive: true });
  console.log(
    '\nStarting Paved: the portal opens at http://localhost:3000 once both parts are up ' +
      '(about a minute). Data lives in .paved/data; Ctrl+C stops it.\n',
  );
  await yarn(['start', ...args], env);
}
