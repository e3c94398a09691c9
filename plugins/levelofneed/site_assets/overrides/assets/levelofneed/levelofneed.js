/* Level of Need site: the services directory filter, the levels comparison picker, "copy link"
 * and "print", and opening folded sections when a link points inside them or the page is
 * printed.
 *
 * Started through Material's document$ observable, so it runs again after every
 * instant-loading page change. Without JavaScript the controls stay hidden, every
 * service is shown, the comparison table shows every level, and folded sections open
 * with a tap. Nothing here sends or stores anything: "copy link" writes the page's
 * address to the clipboard only.
 */
(function () {
  "use strict";

  function words(value) {
    return value ? value.split(" ") : [];
  }

  function ageFits(article, age) {
    if (age === "") { return true; }
    var years = Number(age);
    var min = article.dataset.minAge;
    var max = article.dataset.maxAge;
    return (min === "" || years >= Number(min)) && (max === "" || years <= Number(max));
  }

  function matches(article, level, topic, age) {
    return (!level || words(article.dataset.levels).indexOf(level) !== -1) &&
      (!topic || words(article.dataset.topics).indexOf(topic) !== -1) &&
      ageFits(article, age);
  }

  function apply(form, status, services) {
    var level = form.elements.level.value;
    var topic = form.elements.topic.value;
    var age = form.elements.age.value.trim();
    var shown = 0;
    services.forEach(function (article) {
      var visible = matches(article, level, topic, age);
      article.hidden = !visible;
      if (visible) { shown += 1; }
    });
    status.textContent = shown + " of " + services.length + " services shown";
  }

  function setUpFilter() {
    var form = document.getElementById("lon-service-filter");
    var status = document.getElementById("lon-filter-status");
    if (!form || !status) { return; }
    var services = Array.prototype.slice.call(document.querySelectorAll(".lon-service"));
    var update = function () { apply(form, status, services); };
    form.hidden = false;
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  /* "Compare level 2 with level 3": on a phone only the two chosen columns are shown. */
  function setUpComparePicker() {
    var form = /** @type {HTMLFormElement | null} */ (document.getElementById("lon-compare-picker"));
    var table = document.getElementById("lon-compare-table");
    if (!form || !table) { return; }
    var update = function () {
      var fields = /** @type {any} */ (form.elements);
      var chosen = [fields.first.value, fields.second.value];
      Array.prototype.forEach.call(table.querySelectorAll("[data-level]"), function (cell) {
        cell.classList.toggle("lon-off", chosen.indexOf(cell.dataset.level) === -1);
      });
    };
    form.hidden = false;
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    update();
  }

  /* Copy link and print: the page's own address, and the browser's print. */
  function setUpPageActions() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-lon-page-url]"), function (place) {
      place.textContent = window.location.href;
    });
    var actions = /** @type {HTMLElement | null} */ (document.querySelector(".lon-page-actions"));
    if (!actions) { return; }
    var status = actions.querySelector(".lon-page-actions__status");
    var copy = /** @type {HTMLElement} */ (actions.querySelector("[data-lon-copy-link]"));
    actions.hidden = false;
    if (!navigator.clipboard) { copy.hidden = true; }
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () {
        status.textContent = actions.dataset.copied || "";
      }, function () {
        status.textContent = actions.dataset.notCopied || "";
      });
    });
    actions.querySelector("[data-lon-print]").addEventListener("click", function () { window.print(); });
  }

  /* A link to a section inside a folded part opens the fold. */
  function openLinkedFold() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return;  /* a damaged link: there is no section to open */
    }
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) { node.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }

  /* Printing shows everything: folded sections print open, then fold again. */
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    reopened = Array.prototype.filter.call(document.querySelectorAll("details"), function (fold) { return !fold.open; });
    reopened.forEach(function (fold) { fold.open = true; });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (fold) { fold.open = false; });
    reopened = [];
  });
  window.addEventListener("hashchange", openLinkedFold);

  function setUp() {
    setUpFilter();
    setUpComparePicker();
    setUpPageActions();
    openLinkedFold();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
}());
