/* Keeps the facilitator's form pages and the static files they load, so that a form opened
   once opens again without a connection. Network first: a connected phone always gets the
   live page (fresh token, the round still open). Nothing else is cached: not the personal
   result pages, not the coordinators' pages, no POST. */
var CACHE = "ft-form-v1";
var FORM_PAGE = /^\/(j\/[^/]+\/f\/\d+|r\/[^/]+\/edit)$/;
var STATIC = /^\/static\/[\w.-]+$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!FORM_PAGE.test(url.pathname) && !STATIC.test(url.pathname)) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok) {
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
