// The board's drag and drop. Without this file (or without JavaScript) every card keeps its
// "Move to" menu, which does the same thing by keyboard.
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
        filter: "select, button, option, summary",
        preventOnFilter: false,
        ghostClass: "board-card-ghost",
        chosenClass: "board-card-chosen",
        // While a card is held, the closed stages stay in view at the bottom of the screen.
        onStart: function () {
          document.getElementById("board").classList.add("is-dragging");
        },
        onEnd: function (event) {
          document.getElementById("board").classList.remove("is-dragging");
          moveCard(event);
        },
      });
    });
  }

  htmx.onLoad(setUp);
})();
