import {
  BUILT_IN_HOURLY_PRICES,
  normalisePriceSheet,
  readPriceSheet,
  toHourlyRate,
} from './priceSheet';

describe('the price sheet', () => {
  it("is OpenCost's hourly USD defaults when nothing is configured", () => {
    const sheet = readPriceSheet(undefined);
    expect(sheet).toBe(BUILT_IN_HOURLY_PRICES);
    expect(sheet.currency).toBe('USD');
    expect(sheet.perHour).toEqual({
      cpu: 0.031611,
      memory: 0.004237,
      storage: 0.00005479452,
      gpu: 0.95,
    });
    expect(sheet.sources.cpu.from).toBe('built-in');
  });

  it('converts a monthly price to hourly over a 730-hour month', () => {
    // 23.08 / 730 = 0.031616438356...
    expect(toHourlyRate({ amount: 23.08, per: 'vCPU-month' })).toBeCloseTo(
      0.0316164383561644,
      15,
    );
    expect(toHourlyRate({ amount: 0.04, per: 'GiB-month' })).toBeCloseTo(
      0.0000547945205479452,
      18,
    );
    expect(toHourlyRate({ amount: 0.95, per: 'GPU-hour' })).toBe(0.95);
  });

  it('fills what the configured sheet leaves out from the built-in one', () => {
    const sheet = readPriceSheet({
      currency: 'USD',
      cpu: { amount: 23.08, per: 'vCPU-month' },
      memory: { amount: 0.004237, per: 'GiB-hour' },
    });
    expect(sheet.perHour.cpu).toBeCloseTo(0.0316164383561644, 15);
    expect(sheet.perHour.memory).toBe(0.004237);
    expect(sheet.perHour.storage).toBe(0.00005479452);
    expect(sheet.perHour.gpu).toBe(0.95);
    expect(sheet.sources.cpu).toEqual({
      from: 'configured',
      price: { amount: 23.08, per: 'vCPU-month' },
    });
    expect(sheet.sources.gpu.from).toBe('built-in');
  });

  it('defaults the currency to USD', () => {
    expect(readPriceSheet({}).currency).toBe('USD');
  });

  it('lists every wrong field with its config key and what to write', () => {
    let message = '';
    try {
      readPriceSheet({
        currency: 'usd',
        cpu: { amount: '23.08', per: 'vCPU/month' },
        memory: 0.004237,
        ram: { amount: 1, per: 'GiB-hour' },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'workloadCost.prices.currency: must be an ISO 4217 currency code in capitals',
    );
    expect(message).toContain(
      'workloadCost.prices.cpu.amount: must be a plain number without a currency symbol, e.g. 0.031611 (got "23.08")',
    );
    expect(message).toContain(
      'workloadCost.prices.cpu.per: must be one of vCPU-hour, vCPU-month (got "vCPU/month"); ' +
        "OpenCost's JSON files are hourly, its Helm values monthly — say which",
    );
    expect(message).toContain(
      'workloadCost.prices.memory: must be a price with its unit, e.g. { amount: 0.004237, per: GiB-hour }',
    );
    expect(message).toContain('workloadCost.prices: unknown key ram');
  });

  it('uses the path it is given', () => {
    expect(() =>
      readPriceSheet({ gpu: { amount: -1, per: 'GPU-hour' } }, 'custom.prices'),
    ).toThrow('custom.prices.gpu.amount: must not be negative');
  });

  it('refuses a currency code that does not exist', () => {
    expect(() => readPriceSheet({ currency: 'XYZ' })).toThrow(
      'workloadCost.prices.currency: must be an ISO 4217 currency code',
    );
  });

  it('refuses to mix the USD defaults into a sheet in another currency', () => {
    expect(() =>
      readPriceSheet({
        currency: 'EUR',
        cpu: { amount: 21, per: 'vCPU-month' },
      }),
    ).toThrow(
      'workloadCost.prices.memory: required when currency is EUR: the built-in prices are ' +
        "OpenCost's USD defaults",
    );
    expect(() =>
      normalisePriceSheet({
        currency: 'EUR',
        cpu: { amount: 21, per: 'vCPU-month' },
      }),
    ).toThrow('The price sheet has no memory, storage, gpu price');
  });

  it('takes a full sheet in another currency', () => {
    const sheet = readPriceSheet({
      currency: 'EUR',
      cpu: { amount: 0.03, per: 'vCPU-hour' },
      memory: { amount: 0.004, per: 'GiB-hour' },
      storage: { amount: 0.0365, per: 'GiB-month' },
      gpu: { amount: 0.9, per: 'GPU-hour' },
    });
    expect(sheet.currency).toBe('EUR');
    expect(sheet.perHour.storage).toBeCloseTo(0.00005, 15);
  });
});
