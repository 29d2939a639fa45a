// Keeps the header bell's unread count current: the server renders it, and this opens the hub's
// notification stream (server-sent events) and asks for the count again whenever the stream opens
// or brings a notification, so nothing that arrived in between is missed or counted twice, and
// after each enhanced navigation or form post (which may have read some).
(() => {
  let stream;
  const refresh = async () => {
    const count = document.querySelector('[data-unread-count]');
    if (!count) return;
    const response = await fetch('/ui/notifications/unread-count', { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    count.textContent = String((await response.json()).count);
  };
  const connect = () => {
    if (stream || !document.querySelector('[data-unread-count]') || !window.EventSource) return;
    stream = new EventSource('/ui/notifications/stream');
    stream.addEventListener('open', refresh);
    stream.addEventListener('notification', refresh);
  };
  connect();
  window.Blazor?.addEventListener?.('enhancedload', () => { connect(); refresh(); });
})();
