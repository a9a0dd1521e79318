/* Korean labels for the book theme's own interface on the Korean pages (book/ko/...).
 *
 * One build holds both languages, and Sphinx translates a theme's labels ("Contents", "Search
 * this book...", "previous page") for one language a build; so the Korean pages would show them
 * in English.  Jupyter Book adds every _static/*.js to every page: on pages under /ko/ this script
 * replaces the theme's labels (text outside the chapter's article, and the title, aria-label and
 * placeholder attributes) by their Korean words below, and marks the page lang="ko".  The chapter
 * itself and the explorer are never touched.  tests/browser/test_book_pages.py checks it.
 */
(function () {
  "use strict";
  if (typeof document === "undefined" || !/\/ko\/[^/]*$/.test(location.pathname)) return;

  var WORDS = {
    "Contents": "목차",
    "On this page": "이 페이지의 목차",
    "Search": "검색",
    "Search this book...": "이 책에서 검색...",
    "Skip to main content": "본문으로 건너뛰기",
    "Back to top": "맨 위로",
    "previous": "이전",
    "next": "다음",
    "previous page": "이전 페이지",
    "next page": "다음 페이지",
    "Color mode": "화면 색",
    "Light": "밝게",
    "Dark": "어둡게",
    "System Settings": "시스템 설정",
    "Fullscreen mode": "전체 화면",
    "Download this page": "이 페이지 내려받기",
    "Download source file": "원본 파일 내려받기",
    "Print to PDF": "PDF로 인쇄",
    "Toggle primary sidebar": "왼쪽 사이드바 열기/닫기",
    "Toggle secondary sidebar": "오른쪽 사이드바 열기/닫기",
    "Site navigation": "사이트 탐색",
    "Index": "색인",
    "By": "지은이:",
    "Copyright": "저작권",
  };
  var ATTRS = ["title", "aria-label", "placeholder", "data-bs-title", "data-bs-original-title"];

  function inContent(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    return !!(el && el.closest("article, .s2s-root, script, style"));
  }

  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue.trim();
      if (text && Object.prototype.hasOwnProperty.call(WORDS, text) && !inContent(node)) {
        node.nodeValue = node.nodeValue.replace(text, WORDS[text]);
      }
    }
    root.querySelectorAll("*").forEach(function (el) {
      if (inContent(el)) return;
      ATTRS.forEach(function (name) {
        var v = el.getAttribute(name);
        if (v && Object.prototype.hasOwnProperty.call(WORDS, v.trim())) el.setAttribute(name, WORDS[v.trim()]);
      });
    });
  }

  function run() {
    document.documentElement.lang = "ko";
    translate(document.body);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
