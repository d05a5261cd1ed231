// git's smart HTTP protocol, done by git itself: the request is handed to `git http-backend`
// (a CGI program) and its answer streamed back. No protocol code of our own to get wrong. What
// we add: the receive rules and size limit on every push, a cap on the request body, a time
// limit, and git's stderr kept in the server's log (it names paths on the server's disk).
import { LoggerService } from '@backstage/backend-plugin-api';
import { Request, Response } from 'express';
import { RECEIVE_RULES } from './RepositoryStore';
import { killGroup, spawnGit } from './runGit';

export interface GitHttpRequest {
  /** The directory holding `<owner>/<name>.git`. */
  projectRoot: string;
  /** `/<owner>/<name>.git/<service path>`, already validated. */
  pathInfo: string;
  /** Who is asking (a user or service ref), or undefined for an anonymous read. */
  remoteUser?: string;
  /** `receive.maxInputSize`, and the most request body bytes read. */
  maxBodyBytes: number;
  timeoutMs: number;
  logger: LoggerService;
}

/** How the git process ended: its exit code, or why it was stopped. */
export type GitHttpOutcome =
  | { result: 'exited'; exitCode: number | null }
  | { result: 'timeout' | 'too-large' | 'aborted' };

/** Parses the CGI header block ("Status: 404 Not Found", "Content-Type: ...") of git's answer. */
function parseCgiHeaders(block: string) {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key.toLowerCase() === 'status') status = parseInt(value, 10) || 500;
    else headers[key] = value;
  }
  return { status, headers };
}

/** A plain-text answer: git prints a text/plain error body to the person as `remote: ...`. */
export function sendGitError(res: Response, status: number, message: string) {
  res.status(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

function configArgs(maxBodyBytes: number) {
  const settings = {
    ...RECEIVE_RULES,
    'receive.maxInputSize': String(maxBodyBytes),
  };
  return Object.entries(settings).flatMap(([key, value]) => [
    '-c',
    `${key}=${value}`,
  ]);
}

export function serveGitHttp(
  req: Request,
  res: Response,
  options: GitHttpRequest,
): Promise<GitHttpOutcome> {
  const tooLarge = `The request is larger than the ${Math.round(
    options.maxBodyBytes / (1024 * 1024),
  )} MB the git host accepts (gitHost.maxPushSizeMegabytes); push fewer or smaller commits`;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBodyBytes) {
    sendGitError(res, 413, tooLarge);
    return Promise.resolve({ result: 'too-large' });
  }
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  const child = spawnGit(
    [...configArgs(options.maxBodyBytes), 'http-backend'],
    {
      timeoutMs: options.timeoutMs,
      env: {
        GIT_PROJECT_ROOT: options.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: options.pathInfo,
        QUERY_STRING: query,
        REQUEST_METHOD: req.method,
        CONTENT_TYPE: req.headers['content-type'],
        CONTENT_LENGTH: req.headers['content-length'],
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'],
        GIT_PROTOCOL: req.headers['git-protocol'] as string | undefined,
        REMOTE_USER: options.remoteUser,
        REMOTE_ADDR: req.socket.remoteAddress,
      },
    },
  );

  let stopped: GitHttpOutcome | undefined;
  let headersSent = false;
  const stop = (outcome: GitHttpOutcome, status: number, message: string) => {
    if (stopped) return;
    stopped = outcome;
    killGroup(child);
    if (headersSent) res.destroy();
    else sendGitError(res, status, message);
  };

  // The body is counted as it streams (chunked pushes declare no length).
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > options.maxBodyBytes)
      stop({ result: 'too-large' }, 413, tooLarge);
  });
  req.pipe(child.stdin!);
  child.stdin!.on('error', () => undefined);
  child.on('timeout', (error: Error) =>
    stop({ result: 'timeout' }, 504, error.message),
  );
  req.on('aborted', () => stop({ result: 'aborted' }, 499, 'aborted'));

  let buffered = Buffer.alloc(0);
  child.stdout!.on('data', (chunk: Buffer) => {
    if (stopped) return;
    if (headersSent) {
      res.write(chunk);
      return;
    }
    buffered = Buffer.concat([buffered, chunk]);
    const text = buffered.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    if (end < 0) return;
    const separator = text.slice(end).match(/^\r?\n\r?\n/)![0].length;
    const { status, headers } = parseCgiHeaders(text.slice(0, end));
    res.status(status);
    for (const [key, value] of Object.entries(headers))
      res.setHeader(key, value);
    headersSent = true;
    res.write(buffered.subarray(end + separator));
  });
  let stderr = '';
  child.stderr!.on('data', chunk => {
    if (stderr.length < 16_384) stderr += chunk;
  });

  return new Promise(resolve => {
    child.on('close', code => {
      if (stderr.trim() || code !== 0) {
        options.logger.warn(
          `git http-backend for ${options.pathInfo} exited ${code}${
            stopped ? ` (${stopped.result})` : ''
          }: ${stderr.trim() || 'no error output'}`,
        );
      }
      if (stopped) {
        resolve(stopped);
        return;
      }
      if (!headersSent) {
        // The details are in the server's log; the caller (maybe anonymous) gets none of them.
        sendGitError(
          res,
          500,
          'git http-backend failed; the git host logged the details for the platform team',
        );
      } else {
        res.end();
      }
      resolve({ result: 'exited', exitCode: code });
    });
  });
}
