// backbone's service worker: keeps Today's page and the app's files, so the session of the day opens and
// can be logged without signal (app.js keeps the sets and sends them later). Pages come from the network
// when it answers, from the cache when it does not; the API is never cached.
var CACHE = 'backbone-v1';
var SHELL = ['/today', '/static/style.css', '/static/app.js', '/static/icon.svg', '/manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).catch(function () {}));
  self.skipWaiting();
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(url.pathname === '/today' ? '/today' : request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(url.pathname === '/today' ? '/today' : request).then(function (hit) {
      return hit || new Response('Offline, and this page was not kept. Today\'s session works offline.', { status: 503, headers: { 'Content-Type': 'text/plain' } });
    });
  }));
});
