// Sign-up: preselect the visitor's time zone from the browser; bring the error summary into view.
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var selects = document.querySelectorAll('select[data-browser-zone="true"]');
  for (var i = 0; i < selects.length; i++) {
    var s = selects[i];
    var found = false;
    for (var j = 0; j < s.options.length; j++) {
      if (s.options[j].value === zone) { found = true; break; }
    }
    if (!found && zone) {
      var o = document.createElement('option');
      o.value = zone;
      o.textContent = zone;
      s.appendChild(o);
    }
    if (zone) { s.value = zone; }
  }
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
