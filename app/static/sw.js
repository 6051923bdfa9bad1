/* Keeps the facilitator's form pages (/j/<code>/f/<id>) and the static files they load, so
   that a form opened once opens again without a connection. Network first: a connected phone
   always gets the live page (fresh token, the round still open). Nothing else is kept: never
   a personal page (/r/…: answers, notes and the token of the personal link), never a
   response marked no-store, no POST. The page's script makes the first copy from what it
   already received and removes it once its answers are confirmed. */
var CACHE = "ft-form-v2";  // the same name as in assess.js
var FORM_PAGE = /^\/j\/[^/]+\/f\/\d+$/;
var STATIC = /^\/static\/[\w.-]+$/;

function keepable(pathname, response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && !/no-store/i.test(control) && !/^\/r\//.test(pathname);
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  // Earlier versions kept /r/<token>/edit pages: drop every other cache, and anything
  // personal that might be left in this one.
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (name !== CACHE) return caches.delete(name);
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              if (/^\/r\//.test(new URL(request.url).pathname)) return cache.delete(request);
            }));
          });
        });
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!FORM_PAGE.test(url.pathname) && !STATIC.test(url.pathname)) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (keepable(url.pathname, response)) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE)
        .then(function (cache) { return cache.match(url.pathname, { ignoreVary: true }); })
        .then(function (kept) { return kept || Response.error(); });
    })
  );
});
