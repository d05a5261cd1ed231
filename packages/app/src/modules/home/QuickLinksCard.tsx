import { RouterLink } from '@backstage/frontend-plugin-api';
import { List, ListItem, ListItemIcon, ListItemText } from '@material-ui/core';
import Category from '@material-ui/icons/Category';
import Extension from '@material-ui/icons/Extension';
import LibraryBooks from '@material-ui/icons/LibraryBooks';
import AddCircleOutline from '@material-ui/icons/AddCircleOutline';
import Search from '@material-ui/icons/Search';

const links = [
  {
    to: '/catalog',
    label: 'Software catalog',
    hint: 'Every service, website, API and database',
    Icon: Category,
  },
  {
    to: '/api-docs',
    label: 'APIs',
    hint: 'What each service provides and consumes',
    Icon: Extension,
  },
  {
    to: '/create',
    label: 'Templates',
    hint: 'Services, databases and more, self-service',
    Icon: AddCircleOutline,
  },
  {
    to: '/docs',
    label: 'Documentation',
    hint: 'Runbooks of the services that publish TechDocs',
    Icon: LibraryBooks,
  },
  {
    to: '/search',
    label: 'Search',
    hint: 'Find anything in the portal',
    Icon: Search,
  },
];

/** Links into the portal itself, so every one of them works on a fresh machine. */
export const QuickLinksCard = () => (
  <List dense>
    {links.map(({ to, label, hint, Icon }) => (
      <ListItem key={to} button component={RouterLink} href={to}>
        <ListItemIcon>
          <Icon />
        </ListItemIcon>
        <ListItemText primary={label} secondary={hint} />
      </ListItem>
    ))}
  </List>
);
