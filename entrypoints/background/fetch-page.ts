/**
 * Downloads a web page for offline reading (articles imported from other services). Only the
 * page's own HTML: no cookies are sent, nothing runs.
 */
const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export async function fetchPageHtml(url: string): Promise<{ url: string; html: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(30_000),
      headers: { Accept: 'text/html,application/xhtml+xml' },
    });
  } catch (error) {
    throw new Error(
      error instanceof DOMException && error.name === 'TimeoutError'
        ? 'The site took too long to answer.'
        : 'The site could not be reached (offline, or Backstory lacks permission for it).',
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`The site answered ${response.status} ${response.statusText}.`.trim());
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type))
    throw new Error(`This address is not a web page (${type.split(';')[0]}).`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_PAGE_BYTES) throw new Error('This page is too large to keep offline.');
  const html = await response.text();
  if (html.length > MAX_PAGE_BYTES) throw new Error('This page is too large to keep offline.');
  return { url: response.url || url, html };
}
