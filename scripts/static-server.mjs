// A static file server on 127.0.0.1 for the demo page, corpus pages and test fixtures.
// Routes map URL prefixes to folders: { '/demo/': 'demo', '/corpus/': '../shared/corpus' }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server on a free port of 127.0.0.1.
 * @param {Record<string, string>} routes URL prefix -> folder
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startStaticServer(routes) {
  const roots = Object.entries(routes).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const route = roots.find(([prefix]) => path.startsWith(prefix));
      if (!route) throw new Error('no route');
      const [prefix, root] = route;
      let file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        // Feeds served here are read by the extension's worker; public feeds often allow this too.
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    // Open keep-alive connections (a browser holds some) would keep close() waiting: end them.
    close: () =>
      new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
      }),
  };
}
