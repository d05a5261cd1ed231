// The golden-path configuration of app-config.yaml, read from that file so tests check the
// configuration the portal really ships with.
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  GoldenPathConfig,
  readGoldenPathConfig,
} from '../config/goldenPathConfig';

// Tests run from the sources, next to the repository's app-config.yaml.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../..');

export function appConfigGoldenPath(): Record<string, any> {
  const appConfig = parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  return appConfig.paved.goldenPath;
}

export function goldenPathConfig(
  overrides: Record<string, unknown> = {},
): GoldenPathConfig {
  return readGoldenPathConfig(
    new ConfigReader({
      paved: { goldenPath: { ...appConfigGoldenPath(), ...overrides } },
    }),
  );
}
