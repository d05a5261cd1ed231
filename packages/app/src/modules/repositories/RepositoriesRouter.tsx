import { Route, Routes } from 'react-router-dom';
import { RepositoryListPage } from './RepositoryListPage';
import { RepositoryPage } from './RepositoryPage';
import { RepositoryFilePage } from './RepositoryFilePage';

export const RepositoriesRouter = () => (
  <Routes>
    <Route path="/" element={<RepositoryListPage />} />
    <Route path="/:owner/:name" element={<RepositoryPage />} />
    <Route path="/:owner/:name/files/*" element={<RepositoryFilePage />} />
  </Routes>
);
