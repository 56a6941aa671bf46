import { describe, expect, it } from 'vitest';
import { createRequester, ProtocolError } from './client';

describe('createRequester', () => {
  it('turns the browser’s own words about a lost message into words for the reader', async () => {
    const request = createRequester(async () => {
      throw new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      );
    });
    const error = await request('library.stats', {}).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).message).toMatch(/stopped before it answered.*Try again/);
    expect((error as ProtocolError).message).not.toMatch(/listener|channel/);
  });

  it('says a message too large for the browser is too large, not that the background stopped', async () => {
    const request = createRequester(async () => {
      throw new Error('Message exceeded maximum allowed size of 64MiB.');
    });
    const error = (await request('pack.import', { text: '' }).catch((cause: unknown) => cause)) as Error;
    expect(error.message).toMatch(/too large to send to Backstory’s background/);
    expect(error.message).not.toMatch(/exceeded|MiB|stopped/);
  });

  it('passes the background’s own error replies on as they are', async () => {
    const request = createRequester(async () => ({
      ok: false,
      error: { code: 'invalid-input', message: 'This pack cannot be imported.', details: ['a: b'] },
    }));
    await expect(request('library.stats', {})).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'This pack cannot be imported.',
      details: ['a: b'],
    });
  });
});
