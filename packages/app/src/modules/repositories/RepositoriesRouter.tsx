import { Route, Routes } from 'react-router-dom';
import { RepositoryListPage } from './RepositoryListPage';
import { RepositoryPage } from './RepositoryPage';

export const RepositoriesRouter = () => (
  <Routes>
    <Route path="/" element={<RepositoryListPage />} />
    <Route path="/:owner/:name" element={<RepositoryPage />} />
  </Routes>
);
