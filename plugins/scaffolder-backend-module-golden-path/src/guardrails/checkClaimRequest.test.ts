import { goldenPathConfig } from '../__testUtils__/goldenPathConfigFixture';
import { checkClaimRequest } from './checkClaimRequest';

const config = goldenPathConfig();
const ok = {
  offering: 'postgresql',
  tier: 'standard',
  storageGB: 20,
  region: 'eu-west-1',
};

describe('checkClaimRequest (the guardrails of app-config.yaml)', () => {
  it('accepts a request inside the guardrails and fills in the default region', () => {
    expect(
      checkClaimRequest(config, { ...ok, region: undefined }),
    ).toMatchObject({
      tier: 'standard',
      storageGB: 20,
      region: 'eu-west-1',
    });
  });

  it.each([
    [
      { storageGB: 80 },
      /storage 80 GB exceeds the 50 GB limit of tier standard; choose ≤ 50 or ask the platform team \(#platform-help on Slack\)/,
    ],
    [{ tier: 'small', storageGB: 30 }, /exceeds the 20 GB limit of tier small/],
    [
      { storageGB: 5 },
      /below the 10 GB minimum of PostgreSQL; choose at least 10/,
    ],
    [{ storageGB: 20.5 }, /whole number of GB/],
    [
      { tier: 'huge' },
      /tier "huge" is not offered for PostgreSQL: choose small, standard or large/,
    ],
    [
      { tier: 'large', storageGB: 100 },
      /tier large needs approval: choose small or standard, or ask the platform team/,
    ],
    [
      { region: 'mars-1' },
      /region "mars-1" is not offered for PostgreSQL: choose eu-west-1, eu-central-1/,
    ],
    [
      { options: { multiAZ: true } },
      /multiAZ needs approval: turn it off, or ask the platform team/,
    ],
  ])('rejects %j, naming the limit and what to do', (change, message) => {
    expect(() => checkClaimRequest(config, { ...ok, ...change })).toThrow(
      message,
    );
  });

  it('lists every problem of a request at once', () => {
    expect(() =>
      checkClaimRequest(config, { ...ok, tier: 'huge', region: 'mars-1' }),
    ).toThrow(/tier "huge".*; region "mars-1"/);
  });

  it('rejects an unknown offering, listing the offered ones', () => {
    expect(() =>
      checkClaimRequest(config, { ...ok, offering: 'redis' }),
    ).toThrow('Unknown infrastructure offering "redis": choose postgresql.');
  });

  it('lets an option that needs no approval through', () => {
    expect(
      checkClaimRequest(config, { ...ok, options: { multiAZ: false } }).options,
    ).toEqual({ multiAZ: false });
  });
});
