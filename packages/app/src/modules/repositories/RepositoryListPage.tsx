import useAsync from 'react-use/esm/useAsync';
import { Link as RouterLink } from 'react-router-dom';
import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { Container, Header, Link } from '@backstage/ui';
import {
  RequestErrorPanel,
  useDocumentTitle,
} from '@internal/plugin-paved-react';
import { Button } from '@material-ui/core';
import { Repository } from './GitHostClient';
import { repositoryPagePath } from './paths';
import { useGitHost } from './useGitHost';

const columns: TableColumn<Repository>[] = [
  {
    title: 'Repository',
    render: repo => (
      <Link href={repositoryPagePath(repo.owner, repo.name)}>
        {repo.owner}/{repo.name}
      </Link>
    ),
  },
  { title: 'Description', field: 'description' },
  { title: 'Clone URL', render: repo => <code>{repo.cloneUrl}</code> },
];

/** Every repository on the embedded git host. */
export const RepositoryListPage = () => {
  useDocumentTitle('Repositories');
  const gitHost = useGitHost();
  const { value, loading, error } = useAsync(
    () => gitHost.listRepositories(),
    [gitHost],
  );
  return (
    <>
      {/* The page's own header, "Repositories", is the app's (PageBlueprint title). */}
      <Header
        title="All repositories"
        description="On the portal's embedded git host"
      />
      <Container>
        {loading && <Progress />}
        {error && <RequestErrorPanel error={error} />}
        {value && value.length === 0 && (
          <EmptyState
            missing="content"
            title="No repositories yet"
            description="Create a service with the golden path and its repository appears here."
            action={
              <Button
                variant="contained"
                color="primary"
                component={RouterLink}
                to="/create"
                role="link"
              >
                Create a service
              </Button>
            }
          />
        )}
        {value && value.length > 0 && (
          <Table
            title={`${value.length} repositories`}
            options={{ paging: false, search: true }}
            columns={columns}
            data={value}
          />
        )}
      </Container>
    </>
  );
};
