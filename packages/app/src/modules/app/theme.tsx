import {
  UnifiedThemeProvider,
  createUnifiedTheme,
  genPageTheme,
  palettes,
  shapes,
} from '@backstage/theme';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import LightIcon from '@material-ui/icons/WbSunny';

/** Asphalt for the chrome, road-marking yellow as the accent. */
export const pavedColors = {
  asphalt: '#1f242c',
  asphaltLight: '#3a4150',
  marking: '#f5b700',
  primary: '#2457c5',
};

const pavedLightTheme = createUnifiedTheme({
  palette: {
    ...palettes.light,
    primary: { main: pavedColors.primary },
    secondary: { main: '#b26a00' },
    navigation: {
      ...palettes.light.navigation,
      background: pavedColors.asphalt,
      indicator: pavedColors.marking,
      selectedColor: '#ffffff',
      color: '#c7ccd4',
      navItem: { hoverBackground: pavedColors.asphaltLight },
    },
  },
  defaultPageTheme: 'home',
  pageTheme: {
    home: genPageTheme({
      colors: [pavedColors.asphalt, pavedColors.asphaltLight],
      shape: shapes.wave,
    }),
    documentation: genPageTheme({
      colors: [pavedColors.asphalt, '#2e6b5e'],
      shape: shapes.wave2,
    }),
    tool: genPageTheme({
      colors: [pavedColors.asphalt, pavedColors.primary],
      shape: shapes.round,
    }),
    service: genPageTheme({
      colors: [pavedColors.asphalt, pavedColors.primary],
      shape: shapes.wave,
    }),
    website: genPageTheme({
      colors: [pavedColors.asphalt, '#7a3e9d'],
      shape: shapes.wave,
    }),
    library: genPageTheme({
      colors: [pavedColors.asphalt, '#2e6b5e'],
      shape: shapes.wave,
    }),
    other: genPageTheme({
      colors: [pavedColors.asphalt, pavedColors.asphaltLight],
      shape: shapes.wave,
    }),
    app: genPageTheme({
      colors: [pavedColors.asphalt, pavedColors.primary],
      shape: shapes.wave,
    }),
    apis: genPageTheme({
      colors: [pavedColors.asphalt, '#0f766e'],
      shape: shapes.wave2,
    }),
  },
});

/** Replaces Backstage's light theme (same id) so Paved's colours are the default. */
export const PavedLightTheme = ThemeBlueprint.make({
  name: 'light',
  params: {
    theme: {
      id: 'light',
      title: 'Paved',
      variant: 'light',
      icon: <LightIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={pavedLightTheme} children={children} />
      ),
    },
  },
});
