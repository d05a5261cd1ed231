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
import { Grid, List, ListItem, ListItemText } from '@material-ui/core';
import { filePagePath, markdownLinkTransformer } from './paths';
import { useGitHost } from './useGitHost';

/** One repository: how to clone it, its files and its README. */
export const RepositoryPage = () => {
  const { owner = '', name = '' } = useParams();
  useDocumentTitle(`${owner}/${name}`);
  const gitHost = useGitHost();
  const { value, loading, error } = useAsync(async () => {
    const repository = await gitHost.getRepository(owner, name);
    if (!repository) return undefined;
    // The tree is a 404 for a repository nothing has been pushed to yet.
    const files = repository.empty
      ? undefined
      : await gitHost.listFiles(owner, name, repository.defaultBranch);
    const readme = files?.includes('README.md')
      ? await gitHost.readFile(repository, 'README.md')
      : undefined;
    return { repository, files, readme };
  }, [gitHost, owner, name]);

  return (
    <>
      {/* The description is the repository owner's text: shown as it is, not as Markdown. */}
      <Header
        title={`${owner}/${name}`}
        tags={[{ label: 'Repository' }]}
        metadata={
          value?.repository.description
            ? [{ label: 'Description', value: value.repository.description }]
            : undefined
        }
      />
      <Container>
        {loading && <Progress />}
        {error && <RequestErrorPanel error={error} />}
        {!loading && !error && !value && (
          <EmptyState
            missing="data"
            title={`Repository ${owner}/${name} does not exist`}
            description={<Link href="/git">See all repositories</Link>}
          />
        )}
        {value && (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <InfoCard title="Clone">
                <CodeSnippet
                  language="bash"
                  text={`git clone ${value.repository.cloneUrl}`}
                  showCopyCodeButton
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={5}>
              <InfoCard title={`Files on ${value.repository.defaultBranch}`}>
                {value.files ? (
                  <List dense>
                    {value.files.map(file => (
                      <ListItem key={file}>
                        <ListItemText
                          primary={
                            <Link href={filePagePath(owner, name, file)}>
                              {file}
                            </Link>
                          }
                        />
                      </ListItem>
                    ))}
                  </List>
                ) : (
                  'This repository is empty: nothing has been pushed yet.'
                )}
              </InfoCard>
            </Grid>
            {value.readme && (
              <Grid item xs={12} md={7}>
                <InfoCard title="README.md">
                  <MarkdownContent
                    content={value.readme}
                    transformLinkUri={markdownLinkTransformer({
                      owner,
                      name,
                      fromFile: 'README.md',
                      files: value.files ?? [],
                    })}
                  />
                </InfoCard>
              </Grid>
            )}
          </Grid>
        )}
      </Container>
    </>
  );
};
