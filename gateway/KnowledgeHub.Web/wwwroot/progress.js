// Follows long work (an import, a reindex) on its page: while the page's [data-progress] region says
// "running", reads the page again every two seconds and puts the new region's content in place, so a
// screen reader announces the figures (the region is role="status"). Stops when the work has finished
// or the visitor left the page; starts again after an enhanced navigation to another such page.
(() => {
  const interval = 2000;
  let timer;
  const poll = async () => {
    timer = undefined;
    const region = document.querySelector('[data-progress="running"]');
    if (!region) return;
    const address = location.href;
    try {
      const response = await fetch(address, { headers: { accept: 'text/html' } });
      if (response.ok && location.href === address) {
        const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-progress]');
        if (next) {
          region.replaceChildren(...next.childNodes);
          region.dataset.progress = next.dataset.progress;
        }
      }
    } finally {
      schedule();
    }
  };
  const schedule = () => {
    if (!timer && document.querySelector('[data-progress="running"]')) timer = setTimeout(poll, interval);
  };
  schedule();
  window.Blazor?.addEventListener?.('enhancedload', schedule);
})();
