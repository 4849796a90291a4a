// @ts-check
/* global self, caches */
/**
 * The citizens' portal's service worker (scope /portal/).
 *
 * - App shell (/portal/ and the scripts and styles it loads) and the portal's static files: kept,
 *   so the portal opens offline and on slow connections. Pages: network first, the kept shell
 *   when offline. Hashed build assets (/assets/…): cache first, they never change.
 * - API (/api/…): network first. Only the public service catalogue (services, categories) is kept
 *   for offline reading; nothing else from the API is ever stored, above all nothing that holds
 *   a citizen's personal data (identity, applications, notifications, consent, data access).
 */

/**
 * @typedef {Event & { waitUntil(promise: Promise<unknown>): void }} ExtendableEvent
 * @typedef {ExtendableEvent & {
 *   request: Request,
 *   respondWith(response: Promise<Response> | Response): void,
 * }} FetchEvent
 * @typedef {{
 *   addEventListener(type: string, listener: (event: Event) => void): void,
 *   skipWaiting(): Promise<void>,
 *   clients: { claim(): Promise<void> },
 *   location: Location,
 * }} WorkerScope
 */

const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));

const VERSION = 'v1';
const SHELL_CACHE = `padu-portal-shell-${VERSION}`;
const ASSET_CACHE = `padu-portal-assets-${VERSION}`;
const CATALOGUE_CACHE = `padu-portal-catalogue-${VERSION}`;
const CACHES = [SHELL_CACHE, ASSET_CACHE, CATALOGUE_CACHE];

const SHELL = '/portal/';
const STATIC_FILES = [
  '/portal/manifest.webmanifest',
  '/portal/icon.svg',
  '/portal/icon-maskable.svg',
];

/** The public, anonymous catalogue: the only API answers kept (GET /services, /services/:slug, /categories). */
const CATALOGUE = /^\/api\/v1\/portal\/(services(\/[^/]+)?|categories)$/;

/**
 * The build's files (/assets/…) a page loads: its scripts, module preloads and styles.
 * @param {string} html
 * @returns {string[]}
 */
function assetsOf(html) {
  /** @type {Set<string>} */
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/**
 * Keeps a fresh shell and the assets it names, dropping assets no shell names any more.
 * @param {Response} response
 */
async function storeShell(response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  const shell = await caches.open(SHELL_CACHE);
  const store = await caches.open(ASSET_CACHE);
  await Promise.all(
    assets.map(async (url) => {
      if (await store.match(url)) return;
      const asset = await fetch(url, { credentials: 'same-origin' });
      if (asset.ok) await store.put(url, asset);
    }),
  );
  await shell.put(SHELL, response);
  const keep = new Set(assets.map((url) => new URL(url, scope.location.origin).href));
  for (const request of await store.keys()) {
    if (!keep.has(request.url)) await store.delete(request);
  }
}

/**
 * A response may be kept only when the server allows it.
 * @param {Response} response
 */
function storable(response) {
  if (!response.ok || response.type !== 'basic') return false;
  const control = response.headers.get('cache-control') ?? '';
  return !/no-store|private/i.test(control);
}

scope.addEventListener('install', (e) => {
  const event = /** @type {ExtendableEvent} */ (e);
  event.waitUntil(
    (async () => {
      const response = await fetch(SHELL, { credentials: 'same-origin', cache: 'no-cache' });
      if (response.ok) await storeShell(response);
      const files = await caches.open(SHELL_CACHE);
      await files.addAll(STATIC_FILES);
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (e) => {
  const event = /** @type {ExtendableEvent} */ (e);
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('padu-portal-') && !CACHES.includes(name)) await caches.delete(name);
      }
      await scope.clients.claim();
    })(),
  );
});

/**
 * Pages: the network's copy (kept as the shell), else the kept shell.
 * @param {FetchEvent} event
 */
async function page(event) {
  try {
    const response = await fetch(event.request);
    if (storable(response) && new URL(response.url).pathname === SHELL) {
      event.waitUntil(storeShell(response.clone()).catch(() => undefined));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(SHELL, { cacheName: SHELL_CACHE });
    if (kept) return kept;
    throw error;
  }
}

/**
 * Hashed build assets: kept forever under their own name.
 * @param {Request} request
 */
async function asset(request) {
  const store = await caches.open(ASSET_CACHE);
  const kept = await store.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (storable(response)) await store.put(request, response.clone());
  return response;
}

/**
 * The portal's static files: the kept copy at once, refreshed behind it.
 * @param {FetchEvent} event
 */
async function staticFile(event) {
  const store = await caches.open(SHELL_CACHE);
  const kept = await store.match(event.request);
  const fresh = fetch(event.request).then(async (response) => {
    if (storable(response)) await store.put(event.request, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => undefined));
    return kept;
  }
  return fresh;
}

/**
 * The public catalogue: the network first, the last copy when offline.
 * @param {Request} request
 */
async function catalogue(request) {
  const store = await caches.open(CATALOGUE_CACHE);
  try {
    const response = await fetch(request);
    if (storable(response)) await store.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await store.match(request);
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener('fetch', (e) => {
  const event = /** @type {FetchEvent} */ (e);
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;

  if (url.pathname.startsWith('/api/')) {
    // Personal data never enters a cache: everything but the catalogue goes straight to the network.
    // Search results are not kept either: only the lists, the service pages and the categories.
    if (CATALOGUE.test(url.pathname) && !url.searchParams.has('search'))
      event.respondWith(catalogue(request));
    return;
  }
  if (request.mode === 'navigate') {
    if (url.pathname === SHELL || url.pathname === '/portal/index.html') {
      event.respondWith(page(event));
    }
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  if (STATIC_FILES.includes(url.pathname)) event.respondWith(staticFile(event));
});
