// Feedback requests: keep the person's own words when they pick another application on the
// "ask for feedback" form. Without this file the form still drafts on save. (Copy buttons
// are in rebound.js.)
(function () {
  "use strict";

  // Picking another application asks the server for its draft. If the person has already
  // written in the box, keep their words and say so instead of replacing them.
  document.addEventListener("htmx:confirm", function (event) {
    var source = event.target;
    if (!source.hasAttribute || !source.hasAttribute("data-draft-source")) {
      return;
    }
    var field = document.getElementById("draft-field");
    var box = field && field.querySelector("textarea");
    if (box && box.value.trim() !== "" && box.value !== box.defaultValue) {
      event.preventDefault();
      var note = field.querySelector("[data-draft-kept]");
      if (note) {
        note.hidden = false;
      }
    }
  });
})();
