// Suggestions as you type in the search box: fills the input's <datalist>, which the browser
// shows as an accessible list. Works without it too: the form still submits a normal search.
(() => {
  const input = document.querySelector('input[data-suggest]');
  if (!input) return;
  const list = document.getElementById(input.getAttribute('list'));
  let timer, last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2 || q === last) return;
      last = q;
      const response = await fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const suggestions = await response.json();
      list.replaceChildren(...suggestions.map(s => {
        const option = document.createElement('option');
        option.value = s.text;
        option.label = s.text + ' (' + s.type + ')';
        return option;
      }));
    }, 150);
  });
})();
