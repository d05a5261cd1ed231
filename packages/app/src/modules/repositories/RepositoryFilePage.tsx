import useAsync from 'react-use/esm/useAsync';
import { useParams } from 'react-router-dom';
import {
  CodeSnippet,
  EmptyState,
  InfoCard,
  MarkdownContent,
  Progress,
} from '@backstage/core-components';
import { Container, Header, Link } from '@backstage/ui';
import {
  RequestErrorPanel,
  useDocumentTitle,
} from '@internal/plugin-paved-react';
import { rawFileUrl } from './GitHostClient';
import { markdownLinkTransformer, repositoryPagePath } from './paths';
import { useGitHost } from './useGitHost';

const LANGUAGES: Record<string, string> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  go: 'go',
  mod: 'go',
  ts: 'typescript',
  tsx: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  py: 'python',
  sh: 'bash',
  sql: 'sql',
  toml: 'ini',
  ini: 'ini',
  xml: 'xml',
  html: 'xml',
  css: 'css',
  dockerfile: 'dockerfile',
  makefile: 'makefile',
};

/** The highlighter's language for a file, by extension or by name (Dockerfile). */
export function languageOf(path: string): string {
  const base = path.split('/').pop()!.toLowerCase();
  const extension = base.includes('.') ? base.split('.').pop()! : base;
  return LANGUAGES[extension] ?? 'text';
}

/**
 * One file on the default branch, read through the authenticated API (a plain link to the
 * raw URL sends no Backstage token, so it fails where anonymous reads are off).
 */
export const RepositoryFilePage = () => {
  const { owner = '', name = '', '*': path = '' } = useParams();
  useDocumentTitle(`${path} | ${owner}/${name}`);
  const gitHost = useGitHost();
  const isMarkdown = path.toLowerCase().endsWith('.md');
  const { value, loading, error } = useAsync(async () => {
    const repository = await gitHost.getRepository(owner, name);
    if (!repository) return { repository };
    const [content, files] = await Promise.all([
      gitHost.readFile(repository, path),
      isMarkdown
        ? gitHost.listFiles(owner, name, repository.defaultBranch)
        : undefined,
    ]);
    return { repository, content, files };
  }, [gitHost, owner, name, path, isMarkdown]);

  const repositoryLink = (
    <Link href={repositoryPagePath(owner, name)}>
      Back to {owner}/{name}
    </Link>
  );
  const body = () => {
    if (loading) return <Progress />;
    if (error) return <RequestErrorPanel error={error} />;
    if (!value?.repository) {
      return (
        <EmptyState
          missing="data"
          title={`Repository ${owner}/${name} does not exist`}
          description={<Link href="/git">See all repositories</Link>}
        />
      );
    }
    const { repository, content, files } = value;
    if (content === undefined) {
      return (
        <EmptyState
          missing="data"
          title={`${owner}/${name} has no file ${path} on ${repository.defaultBranch}`}
          description={repositoryLink}
        />
      );
    }
    return (
      <InfoCard
        title={path}
        subheader={repositoryLink}
        deepLink={{
          title: 'Raw',
          link: rawFileUrl(repository, path),
        }}
      >
        {isMarkdown ? (
          <MarkdownContent
            content={content}
            transformLinkUri={markdownLinkTransformer({
              owner,
              name,
              fromFile: path,
              files: files ?? [],
            })}
          />
        ) : (
          <CodeSnippet
            text={content}
            language={languageOf(path)}
            showLineNumbers
            showCopyCodeButton
          />
        )}
      </InfoCard>
    );
  };

  return (
    <>
      <Header
        title={`${owner}/${name}`}
        tags={[{ label: 'Repository', href: repositoryPagePath(owner, name) }]}
        metadata={[{ label: 'File', value: path }]}
      />
      <Container>{body()}</Container>
    </>
  );
};
