// The board's drag and drop. Without this file (or without JavaScript) every card keeps its
// stage menu and "Move" button, which do the same thing by keyboard.
(function () {
  "use strict";

  function moveCard(event) {
    if (event.from === event.to) {
      return;
    }
    var card = event.item;
    card.classList.add("is-moving");
    htmx.ajax("POST", card.getAttribute("data-move-url"), {
      source: card,
      target: "#board",
      swap: "outerHTML",
      values: { status: event.to.getAttribute("data-status") },
    });
  }

  function setUp(root) {
    if (typeof Sortable === "undefined") {
      return;
    }
    root.querySelectorAll(".board-cards").forEach(function (list) {
      if (list.getAttribute("data-sortable") === "on") {
        return;
      }
      list.setAttribute("data-sortable", "on");
      Sortable.create(list, {
        group: "board",
        animation: 150,
        draggable: ".board-card",
        // Let the card's menu, button and link be used without starting a drag.
        filter: "select, button, option",
        preventOnFilter: false,
        ghostClass: "board-card-ghost",
        chosenClass: "board-card-chosen",
        onEnd: moveCard,
      });
    });
  }

  htmx.onLoad(setUp);
})();
