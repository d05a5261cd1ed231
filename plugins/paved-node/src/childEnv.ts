// What a child process (git, above all) may see of the backend's environment: enough to run,
// never the backend's secrets (database password, SCM tokens, session secrets). Credentials a
// child needs are handed to it explicitly by the caller, for that child alone.
const INHERITED = [
  'PATH',
  'HOME',
  'LANG',
  'LC_ALL',
  'TZ',
  'TMPDIR',
  // The machine's CA bundle, so HTTPS to an SCM works where a private CA signs it.
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'GIT_SSL_CAINFO',
];

/** A minimal environment for a child process, plus the variables the caller adds. */
export function childProcessEnv(
  extra: Record<string, string> = {},
  parent: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}
