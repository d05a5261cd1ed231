// git's smart HTTP protocol, done by git itself: the request is handed to `git http-backend`
// (a CGI program) and its answer streamed back. No protocol code of our own to get wrong.
import { Request, Response } from 'express';
import { spawnGit } from './runGit';

export interface GitHttpRequest {
  /** The directory holding `<owner>/<name>.git`. */
  projectRoot: string;
  /** `/<owner>/<name>.git/<service path>`, already validated. */
  pathInfo: string;
  /** Who is asking (a user or service ref), or undefined for an anonymous read. */
  remoteUser?: string;
}

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

export function serveGitHttp(
  req: Request,
  res: Response,
  options: GitHttpRequest,
) {
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  const child = spawnGit(['http-backend'], {
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
  });
  req.pipe(child.stdin!);
  child.stdin!.on('error', () => undefined);

  let buffered = Buffer.alloc(0);
  let headersSent = false;
  child.stdout!.on('data', (chunk: Buffer) => {
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
    stderr += chunk;
  });
  child.on('close', code => {
    if (!headersSent) {
      res.status(500).json({
        error: {
          name: 'Error',
          message: `git http-backend failed (${code}): ${stderr.trim()}`,
        },
      });
      return;
    }
    res.end();
  });
  req.on('aborted', () => child.kill());
}
