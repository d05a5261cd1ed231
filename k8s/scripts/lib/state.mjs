// Layout of the control plane's state dir ($PAVED_K8S_DIR or <repo>/.paved/k8s) and helpers on it:
// lock, PKI, kubeconfig, process checks, a minimal HTTPS client for the API server.
import { generateKeyPairSync, X509Certificate, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  findOpenssl,
  log,
  pidAlive,
  pidCmdline,
  readPidFile,
  run,
  sleep,
  stateDir,
} from './common.mjs';

export const MARKER = '.paved-k8s-state';

export function statePaths(dir = stateDir()) {
  const pki = join(dir, 'pki');
  return {
    dir,
    marker: join(dir, MARKER),
    lock: join(dir, '.lock'),
    pki,
    caKey: join(pki, 'ca.key'),
    caCrt: join(pki, 'ca.crt'),
    serverKey: join(pki, 'apiserver.key'),
    serverCrt: join(pki, 'apiserver.crt'),
    saKey: join(pki, 'sa.key'),
    saPub: join(pki, 'sa.pub'),
    adminKey: join(pki, 'admin.key'),
    adminCrt: join(pki, 'admin.crt'),
    etcdData: join(dir, 'etcd'),
    logs: join(dir, 'logs'),
    etcdLog: join(dir, 'logs', 'etcd.log'),
    apiserverLog: join(dir, 'logs', 'kube-apiserver.log'),
    run: join(dir, 'run'),
    etcdPid: join(dir, 'run', 'etcd.pid'),
    apiserverPid: join(dir, 'run', 'kube-apiserver.pid'),
    // The workload plane, started after kube-apiserver: name -> { pid, log } files.
    workload: Object.fromEntries(
      ['kube-controller-manager', 'kube-scheduler', 'kwok'].map(name => [
        name,
        {
          pid: join(dir, 'run', `${name}.pid`),
          log: join(dir, 'logs', `${name}.log`),
        },
      ]),
    ),
    ports: join(dir, 'run', 'ports.json'),
    lastStart: join(dir, 'run', 'last-start.json'),
    crdHash: join(dir, 'run', 'platform.sha256'),
    kubeconfig: join(dir, 'kubeconfig'),
  };
}

export function ensureStateDir(p) {
  mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  for (const d of [p.pki, p.logs, p.run])
    mkdirSync(d, { recursive: true, mode: 0o700 });
  if (!existsSync(p.marker))
    writeFileSync(
      p.marker,
      'State of the Paved local control plane (k8s/scripts/up.mjs). Safe to delete when stopped.\n',
    );
  // Keep runtime state out of git without touching the repo's .gitignore.
  const gi = join(p.dir, '.gitignore');
  if (!existsSync(gi)) writeFileSync(gi, '*\n');
}

export function writeFileAtomic(file, content, mode = 0o600) {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, file);
}

/** Exclusive lock on a file (pid inside, stale locks of dead pids are taken over). */
export async function withLock(
  lockFile,
  fn,
  { timeoutMs = 300000, what = 'another k8s script' } = {},
) {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (!pidAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!announced) {
        log(`waiting for ${what} (pid ${holder}, lock ${lockFile})`);
        announced = true;
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `timed out waiting for lock ${lockFile} held by pid ${holder}`,
        );
      await sleep(250);
    }
  }
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8') === String(process.pid))
        rmSync(lockFile, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    release();
    process.off('exit', release);
  }
}

/** A pid from a pid file, if that process is alive and is still the binary we started. */
export function livePid(pidFile, binaryName) {
  const pid = readPidFile(pidFile);
  if (!pid || !pidAlive(pid)) return null;
  const cmd = pidCmdline(pid);
  if (cmd && !(cmd[0] || '').endsWith(binaryName)) return null; // pid reused by something else
  return pid;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function portFree(port) {
  return new Promise(resolve => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

// ---- PKI ------------------------------------------------------------------------------------------------

function ecKeyPem() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
}

const DAYS = 3650;

function certValidForDays(file, days) {
  try {
    const cert = new X509Certificate(readFileSync(file));
    return new Date(cert.validTo).getTime() - Date.now() > days * 86400000;
  } catch {
    return false;
  }
}

export function pkiComplete(p) {
  return (
    [
      p.caKey,
      p.caCrt,
      p.serverKey,
      p.serverCrt,
      p.saKey,
      p.saPub,
      p.adminKey,
      p.adminCrt,
    ].every(f => existsSync(f)) &&
    [p.caCrt, p.serverCrt, p.adminCrt].every(f => certValidForDays(f, 30))
  );
}

/**
 * CA, serving certificate for 127.0.0.1/localhost, service-account key pair and an admin client
 * certificate (O=system:masters). Keys are ECDSA P-256 made with node:crypto; certificates are signed
 * with openssl (node 20 cannot sign certificates), always through execFile with an argument array.
 */
export async function generatePki(p) {
  const openssl = findOpenssl();
  if (!openssl)
    throw new Error(
      'openssl is needed to create the local certificates and was not found (PATH, $OPENSSL)',
    );
  rmSync(p.pki, { recursive: true, force: true });
  mkdirSync(p.pki, { recursive: true, mode: 0o700 });
  const ext = join(p.pki, 'ext.cnf');

  // CA
  const ca = ecKeyPem();
  writeFileSync(p.caKey, ca.privateKey, { mode: 0o600 });
  writeFileSync(
    ext,
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[ca]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign, digitalSignature',
      'subjectKeyIdentifier = hash',
      '[server]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = IP:127.0.0.1, DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:10.96.0.1',
      'authorityKeyIdentifier = keyid',
      '[client]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = clientAuth',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  await run(openssl, [
    'req',
    '-x509',
    '-new',
    '-key',
    p.caKey,
    '-out',
    p.caCrt,
    '-days',
    String(DAYS),
    '-subj',
    '/CN=paved-local-ca',
    '-config',
    ext,
    '-extensions',
    'ca',
    '-sha256',
  ]);

  const issue = async (keyFile, crtFile, subj, section) => {
    const k = ecKeyPem();
    writeFileSync(keyFile, k.privateKey, { mode: 0o600 });
    const csr = `${crtFile}.csr`;
    await run(openssl, [
      'req',
      '-new',
      '-key',
      keyFile,
      '-out',
      csr,
      '-subj',
      subj,
      '-config',
      ext,
    ]);
    await run(openssl, [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      p.caCrt,
      '-CAkey',
      p.caKey,
      '-set_serial',
      `0x${randomBytes(16).toString('hex')}`,
      '-days',
      String(DAYS),
      '-sha256',
      '-extfile',
      ext,
      '-extensions',
      section,
      '-out',
      crtFile,
    ]);
    rmSync(csr, { force: true });
  };
  await issue(p.serverKey, p.serverCrt, '/CN=kube-apiserver', 'server');
  await issue(
    p.adminKey,
    p.adminCrt,
    '/O=system:masters/CN=paved-admin',
    'client',
  );

  const sa = ecKeyPem();
  writeFileSync(p.saKey, sa.privateKey, { mode: 0o600 });
  writeFileSync(p.saPub, sa.publicKey, { mode: 0o644 });
  rmSync(ext, { force: true });
}

export function kubeconfigYaml(p, port) {
  const b64 = f => readFileSync(f).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: paved-local',
    '  cluster:',
    `    server: https://127.0.0.1:${port}`,
    `    certificate-authority-data: ${b64(p.caCrt)}`,
    'users:',
    '- name: paved-admin',
    '  user:',
    `    client-certificate-data: ${b64(p.adminCrt)}`,
    `    client-key-data: ${b64(p.adminKey)}`,
    'contexts:',
    '- name: paved-local',
    '  context:',
    '    cluster: paved-local',
    '    user: paved-admin',
    'current-context: paved-local',
    '',
  ].join('\n');
}

// ---- a minimal client for the API server ----------------------------------------------------------------

export function apiClient(p, port) {
  const tls = {
    ca: readFileSync(p.caCrt),
    cert: readFileSync(p.adminCrt),
    key: readFileSync(p.adminKey),
  };
  return (
    method,
    path,
    { body, contentType = 'application/json', timeoutMs = 10000 } = {},
  ) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          ...tls,
          headers: {
            Accept: 'application/json',
            ...(body !== undefined
              ? {
                  'Content-Type': contentType,
                  'Content-Length': Buffer.byteLength(body),
                }
              : {}),
          },
          timeout: timeoutMs,
        },
        res => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', c => {
            data += c;
          });
          res.on('end', () => {
            let json;
            try {
              json = JSON.parse(data);
            } catch {
              /* plain text */
            }
            resolve({ status: res.statusCode, text: data, json });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path}: timed out`)),
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
}

export async function readyz(p, port) {
  try {
    const r = await apiClient(p, port)('GET', '/readyz', { timeoutMs: 2000 });
    return r.status === 200 && r.text.trim() === 'ok';
  } catch {
    return false;
  }
}

export function readJson(file, fallback = null) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

export function rssMB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export { sleep };
