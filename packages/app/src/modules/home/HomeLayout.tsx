import { Container } from '@backstage/ui';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { Grid } from '@material-ui/core';
import { GoldenPathHero } from './GoldenPathHero';

/** Widget names in the order they appear; the first is full width. */
const ORDER = [
  'TeamServices',
  'GoldenPaths',
  'QuickLinks',
  'HomePageStarredEntities',
];

const rank = (name?: string) => {
  const index = ORDER.indexOf(name ?? '');
  return index === -1 ? ORDER.length : index;
};

/** Paved's home: the golden path first, then the signed-in person's services and links. */
export const HomeLayout = ({ widgets }: HomePageLayoutProps) => {
  const sorted = [...widgets].sort((a, b) => rank(a.name) - rank(b.name));
  return (
    <Container pt="6">
      <GoldenPathHero />
      <Grid container spacing={3}>
        {sorted.map((widget, index) => (
          <Grid
            key={widget.name ?? index}
            item
            xs={12}
            md={index === 0 ? 12 : 6}
          >
            {widget.component}
          </Grid>
        ))}
      </Grid>
    </Container>
  );
};
