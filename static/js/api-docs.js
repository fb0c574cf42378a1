// Starts Swagger UI on the API documentation page from the settings the server put in the
// page (no inline script: the Content Security Policy forbids it). Signed in, "Try it out"
// calls go out with the session and the CSRF token, as Rebound's own forms do.
(function () {
  "use strict";

  var settings = JSON.parse(document.getElementById("swagger-settings").textContent);
  var csrfToken = document.body.getAttribute("data-csrf-token");
  settings.dom_id = "#swagger-ui";
  settings.presets = [SwaggerUIBundle.presets.apis];
  settings.requestInterceptor = function (request) {
    if (csrfToken) {
      request.headers["X-CSRFToken"] = csrfToken;
    }
    return request;
  };
  window.SwaggerUIBundle(settings);
})();
