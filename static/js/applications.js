// Table niceties: "select all on this page" and showing the stage menu only when the bulk
// action needs it. Without this file every checkbox and menu still works.
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
  });

  function syncBulkStatus(actionSelect) {
    var status = document.getElementById("bulk-status");
    if (status) {
      status.hidden = actionSelect.value !== "move";
    }
  }

  htmx.onLoad(function () {
    var action = document.getElementById("bulk-action");
    if (action) {
      syncBulkStatus(action);
    }
  });
})();
