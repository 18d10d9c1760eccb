// Applies the saved theme before first paint (classic script, no flash). Module code lives in app.js.
(function () {
  try {
    var t = localStorage.getItem('streamcat-theme');
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch (e) { /* storage blocked: follow the system */ }
})();
