// On a source page, mark every piece of the cited passage that the address points at:
// overlapping citations cut a passage into several highlighted pieces.
(function () {
  function showTarget() {
    var key = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll("mark.sb-cite").forEach(function (mark) {
      var cites = (mark.getAttribute("data-cites") || "").split(" ");
      mark.classList.toggle("sb-current", key !== "" && cites.indexOf(key) >= 0);
    });
  }
  window.addEventListener("hashchange", showTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showTarget);
  } else {
    showTarget();
  }
})();
