import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseInput } from './parseInput';

describe('parseInput', () => {
  const schema = z.object({ days: z.coerce.number().int().min(1).max(366) });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { days: '28' })).toEqual({ days: 28 });
  });

  it('names the field and what was wrong', () => {
    expect(() => parseInput(schema, { days: '900' }, 'query')).toThrow(
      InputError,
    );
    expect(() => parseInput(schema, { days: '900' }, 'query')).toThrow(
      /^Invalid query: days: .*366/,
    );
  });
});
