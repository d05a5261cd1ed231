// express.json with a limit whose refusal says what the limit is and what to send instead: a body
// over it is 413 (too large, as HTTP says) and malformed JSON is 400, both naming the body.
import { InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';

export function jsonBody(limit: string, whatToSend: string) {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: any) => {
      if (!error) return next();
      if (error.type === 'entity.too.large') {
        return next(
          Object.assign(
            new Error(`body: at most ${limit} of JSON; ${whatToSend}`),
            { name: 'PayloadTooLargeError', statusCode: 413 },
          ),
        );
      }
      if (error.type === 'entity.parse.failed') {
        return next(new InputError(`body: is not valid JSON; ${whatToSend}`));
      }
      return next(error);
    });
}
