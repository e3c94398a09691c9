/* Level of Need site: the services directory filter.
 *
 * Started through Material's document$ observable, so it runs again after every
 * instant-loading page change. Without JavaScript the form stays hidden and every
 * service is shown.
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

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUpFilter);
  } else {
    document.addEventListener("DOMContentLoaded", setUpFilter);
  }
}());
