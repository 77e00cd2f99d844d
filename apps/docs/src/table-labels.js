// Inlined into every page's <head> (astro.config.mjs): once the page is parsed, every body cell of
// a content table gets `data-label`, its column's header text, so that the narrow-screen layout
// (custom.css) can show each row as a card of labelled values. Without it, tables scroll.
document.addEventListener('DOMContentLoaded', () => {
  for (const table of document.querySelectorAll('.sl-markdown-content table')) {
    const names = [...table.querySelectorAll('thead tr:first-child th')].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        if (names[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[i]);
      });
    }
  }
});
