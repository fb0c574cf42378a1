// Table niceties: "select all on this page", the bulk bar shown only once rows are selected,
// and the stage menu only when the bulk action needs it. Without this file every checkbox
// and menu still works (and the bulk bar is always there).
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var target = event.target;
    var name = target.getAttribute("data-select-all");
    if (name) {
      var form = target.closest("form");
      form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        box.checked = target.checked;
      });
    }
    if (target.id === "bulk-action") {
      syncBulkStatus(target);
    }
    if (name || target.name === "ids") {
      syncBulkBar();
    }
  });

  function syncBulkBar() {
    var bar = document.querySelector("[data-bulk-bar]");
    if (!bar) {
      return;
    }
    var chosen = bar.form.querySelectorAll('input[name="ids"]:checked').length;
    bar.hidden = chosen === 0;
    var count = bar.querySelector("[data-bulk-count]");
    if (count) {
      count.textContent = chosen === 1 ? "1 selected" : chosen + " selected";
    }
  }

  function syncBulkStatus(actionSelect) {
    var status = document.getElementById("bulk-status");
    if (status) {
      status.hidden = actionSelect.value !== "move";
    }
  }

  // htmx restores the page from its history snapshot, which keeps markup but not the values
  // the person picked in the filter form; set them again from the address.
  function syncFiltersFromAddress() {
    var form = document.getElementById("filters");
    if (!form) {
      return;
    }
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") {
        return;
      }
      if (field.type === "checkbox") {
        field.checked = params.has(field.name);
      } else if (field.tagName === "SELECT") {
        field.value = params.get(field.name) || field.options[0].value;
      } else {
        field.value = params.get(field.name) || "";
      }
    });
  }

  document.addEventListener("htmx:historyRestore", syncFiltersFromAddress);

  // The bookmarklet is for the bookmarks bar; clicked here it would only meet this page's
  // Content Security Policy, so say what to do with it instead.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-bookmarklet]");
    if (link) {
      event.preventDefault();
      var hint = link.parentElement.querySelector(".bookmarklet-hint");
      if (hint) {
        hint.textContent = "Drag it to your bookmarks bar, then click it on a job posting.";
      }
    }
  });

  htmx.onLoad(function () {
    var action = document.getElementById("bulk-action");
    if (action) {
      syncBulkStatus(action);
    }
    syncBulkBar();
  });
})();
