// The git host's pages are one PageBlueprint page with its own React Router routes, so it
// renders React Router's page adapter (Backstage 1.57: pages without one use the implicit,
// legacy routing that warns in development).
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Route, Routes } from 'react-router-dom';
import { RepositoryListPage } from './RepositoryListPage';
import { RepositoryPage } from './RepositoryPage';
import { RepositoryFilePage } from './RepositoryFilePage';

export const RepositoriesRouter = () => (
  <ReactRouterV6PageRouter>
    <Routes>
      <Route path="/" element={<RepositoryListPage />} />
      <Route path="/:owner/:name" element={<RepositoryPage />} />
      <Route path="/:owner/:name/files/*" element={<RepositoryFilePage />} />
    </Routes>
  </ReactRouterV6PageRouter>
);
