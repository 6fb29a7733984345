// Search as you type: the server renders the results (escaped by its templates); this only
// asks for them and swaps them in. No inline script anywhere (the CSP forbids it).
(function () {
  "use strict";
  var form = document.getElementById("search");
  var results = document.getElementById("results");
  if (!form || !results) return;
  var timer = null;
  var latest = 0;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value) params.set(key, value); // empty filters stay out of the address
    });
    if (!params.has("q")) params.set("q", "");
    return params;
  }

  function run() {
    var params = query();
    var ticket = ++latest;
    history.replaceState(null, "", params.get("q") ? "/?" + params.toString() : "/");
    if (!params.get("q").trim()) {
      results.replaceChildren();
      return;
    }
    fetch("/search/results?" + params.toString(), { headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        if (ticket !== latest) return; // an older answer arriving late
        var doc = new DOMParser().parseFromString(html, "text/html");
        results.replaceChildren.apply(results, Array.from(doc.body.childNodes));
        results.dataset.query = params.get("q");
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
})();
