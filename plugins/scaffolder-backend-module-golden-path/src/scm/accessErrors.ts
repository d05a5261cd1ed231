// What to tell the platform team when GitHub, GitLab or Gitea refuses the golden path's credentials
// (401/403), or cannot find the organisation (404 on create): which credentials of `integrations`,
// which organisation, and the right or scope that is missing, per host.
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';

export type Provider = 'github' | 'gitlab' | 'gitea';
export type RepositoryAccess = 'create' | 'read';

const HOST_NAME: Record<Provider, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  gitea: 'Gitea',
};

const CREDENTIALS: Record<Provider, string> = {
  github: 'credentials (token or GitHub App)',
  gitlab: 'token',
  gitea: 'token',
};

/** The right each access needs, said the way each host's settings name it. */
const FIX: Record<Provider, Record<RepositoryAccess, string>> = {
  github: {
    create:
      'give a GitHub App installed on that organisation the Administration repository permission (write), or use a token with the repo scope whose user may create repositories in that organisation',
    read: "give a GitHub App installed on that organisation the Metadata repository permission (read), or use a token with the repo scope whose user can see that organisation's repositories",
  },
  gitlab: {
    create:
      "give its user a role in that group that may create projects (Developer or Maintainer, as the group's 'Roles allowed to create projects' setting says), with a token with the api scope",
    read: 'make its user a member of that group (Reporter or higher), with a token with the api scope',
  },
  gitea: {
    create:
      'give its user a team with the Create repositories permission in that organisation, or a token with write:organization scope (and write:repository, for the push)',
    read: "give its user a team with read access to that organisation's repositories, or a token with read:repository scope",
  },
};

export interface AccessContext {
  provider: Provider;
  host: string;
  organization: string;
}

/** The host's own reason, when its error body has one (GitHub, GitLab, Gitea: `message`). */
export async function hostReason(res: Response): Promise<string | undefined> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    const reason = body?.message ?? body?.error;
    return typeof reason === 'string' ? reason.slice(0, 300) : undefined;
  } catch {
    return text.trim().slice(0, 300) || undefined;
  }
}

/** The error for a 401 or 403 from the host; undefined for any other status. */
export function refusal(
  context: AccessContext,
  access: RepositoryAccess,
  status: number,
  reason?: string,
): Error | undefined {
  if (status !== 401 && status !== 403) return undefined;
  const { provider, host, organization } = context;
  const said = reason ? ` (${HOST_NAME[provider]} said: ${reason})` : '';
  const who = `the ${HOST_NAME[provider]} ${CREDENTIALS[provider]} of integrations.${provider} for ${host}`;
  if (status === 401) {
    return new AuthenticationError(
      `${HOST_NAME[provider]} (${host}) did not accept ${who} (401) to ${access} repositories in organisation ${organization}${said}: replace them with valid, unexpired ones; they need this right: ${FIX[provider][access]}.`,
    );
  }
  return new NotAllowedError(
    `${who} may not ${access} repositories in organisation ${organization}${said}: ${FIX[provider][access]}.`,
  );
}

/** The error for a 404 on create: the organisation does not exist, or these credentials cannot see it. */
export function organizationNotFound(context: AccessContext): Error {
  const { provider, host, organization } = context;
  return new NotFoundError(
    `${HOST_NAME[provider]} (${host}) has no organisation ${organization} that the ${CREDENTIALS[provider]} of integrations.${provider} can see: check paved.goldenPath.scm.organization, and ${FIX[provider].create}.`,
  );
}
