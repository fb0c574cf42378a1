// Pre-fills the hidden timezone field on sign-up with the browser's own timezone.
(function () {
  "use strict";
  var field = document.querySelector('input[name="timezone"]');
  if (!field || field.value) {
    return;
  }
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    field.value = "";
  }
})();
