// Small progressive enhancements shared by every page. Pages work without this file.
(function () {
  "use strict";

  // Buttons and links marked data-confirm ask before they act.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Copy buttons (data-copy-target names a text box) are hidden until this file shows them;
  // without it the box is still there to select and copy. The result is announced in the
  // .copy-status element beside the button.
  function showCopyButtons(root) {
    root.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function say(button, text) {
    var status = button.parentElement.querySelector(".copy-status");
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
        say(button, button.getAttribute("data-copied") || "Copied.");
      },
      function () {
        selectAll(box);
        say(button, "Selected. Press Ctrl+C (or ⌘+C) to copy.");
      }
    );
  });

  // After a "no" is logged, the plan panel fetches itself; when the new plan arrives, focus
  // and view move to it, so on a phone the answer is not thousands of pixels away.
  var newPlan = null;
  document.addEventListener("rejection-logged", function (event) {
    newPlan = event.detail && event.detail.id;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!newPlan) {
      return;
    }
    var plan = document.getElementById("plan-" + newPlan);
    if (!plan) {
      return;
    }
    newPlan = null;
    plan.open = true;
    var summary = plan.querySelector("summary");
    plan.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  });

  document.addEventListener("DOMContentLoaded", function () {
    showCopyButtons(document);
  });
  document.addEventListener("htmx:load", function (event) {
    showCopyButtons(event.target);
  });
})();
