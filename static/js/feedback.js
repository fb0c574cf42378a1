// Feedback requests: copy a drafted message, and keep the person's own words when they pick
// another application on the "ask for feedback" form. Without this file the messages are
// still plain text boxes to select and copy, and the form still drafts on save.
(function () {
  "use strict";

  function showCopyButtons(root) {
    root.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function say(button, text) {
    var status = button.parentElement.querySelector(".feedback-copy-status");
    if (status) {
      status.textContent = text;
    }
  }

  function selectAll(box) {
    box.focus();
    box.select();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) {
      return;
    }
    var box = document.getElementById(button.getAttribute("data-copy-target"));
    if (!box) {
      return;
    }
    if (!navigator.clipboard || !window.isSecureContext) {
      selectAll(box);
      say(button, "Selected. Press Ctrl+C (or ⌘+C) to copy.");
      return;
    }
    navigator.clipboard.writeText(box.value).then(
      function () {
        say(button, "Copied. Paste it wherever you are sending it.");
      },
      function () {
        selectAll(box);
        say(button, "Selected. Press Ctrl+C (or ⌘+C) to copy.");
      }
    );
  });

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

  document.addEventListener("DOMContentLoaded", function () {
    showCopyButtons(document);
  });
  document.addEventListener("htmx:load", function (event) {
    showCopyButtons(event.target);
  });
})();
