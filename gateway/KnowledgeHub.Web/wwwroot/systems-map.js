// Draws the systems map page's tables as a graph with Cytoscape.js (wwwroot/lib/cytoscape, ADR 0060),
// loaded only on that page. The tables stay the source and the view for screen readers; the graph
// reads their rows. Keyboard: focus the graph, arrow keys (Home, End) go from node to node, a live
// region names the selected node, Enter centres the map on it. Runs on load and after each enhanced
// navigation, which replaces the page's markup without running scripts again.
(() => {
  const library = '_content/KnowledgeHub.Web/lib/cytoscape/cytoscape.min.js';
  // Cytoscape adds an inline <style> unless an element with this id exists; the page's CSP forbids
  // inline styles, and site.css already gives the container what that style would (position: relative).
  const stylesheetMarker = '__________cytoscape_stylesheet';
  const shapes = { department: 'round-rectangle', objective: 'diamond', project: 'rectangle', community: 'hexagon', person: 'ellipse' };
  const colours = { department: '#0b5cad', objective: '#8a5a00', project: '#1e7b34', community: '#6f42c1', person: '#4a5562' };
  let graph, loading, resizing;

  const loadLibrary = () => loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = library;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });

  const readTables = () => {
    const nodes = [...document.querySelectorAll('tr[data-map-node]')].map((row, order) => ({
      data: {
        id: row.dataset.mapNode, label: row.dataset.label, kind: row.dataset.kind, distance: Number(row.dataset.distance),
        centreHref: row.dataset.centreHref ?? '', order,
      },
    }));
    const edges = [...document.querySelectorAll('tr[data-map-from]')].map((row, index) => ({
      data: { id: 'edge' + index, source: row.dataset.mapFrom, target: row.dataset.mapTo, kind: row.dataset.kind },
    }));
    return [...nodes, ...edges];
  };

  const describe = node => {
    const rings = node.data('distance');
    const where = rings === 0 ? 'the centre' : `${rings} ring${rings === 1 ? '' : 's'} from the centre`;
    const links = node.connectedEdges().length;
    const action = node.data('centreHref') ? ' Press Enter to centre the map here.' : '';
    return `${node.data('label')}, ${node.data('kind')}, ${where}, ${links} link${links === 1 ? '' : 's'}.${action}`;
  };

  const centreOn = node => {
    const href = node.data('centreHref');
    if (!href) return;
    if (window.Blazor?.navigateTo) window.Blazor.navigateTo(href);
    else window.location.assign(href);
  };

  const draw = async () => {
    resizing?.disconnect();
    graph?.destroy();
    graph = undefined;
    const container = document.querySelector('[data-systems-map]');
    if (!container) return;
    const announce = document.querySelector('[data-systems-map-selected]');
    if (!document.getElementById(stylesheetMarker)) {
      const marker = document.createElement('meta');
      marker.id = stylesheetMarker;
      document.head.append(marker);
    }
    await loadLibrary();
    const elements = readTables();
    const furthest = Math.max(0, ...elements.filter(e => e.data.distance !== undefined).map(e => e.data.distance));
    graph = window.cytoscape({
      container,
      elements,
      layout: { name: 'concentric', concentric: node => furthest - node.data('distance'), levelWidth: () => 1, minNodeSpacing: 24, spacingFactor: 1.3, animate: false, padding: 30 },
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)', 'font-size': 11, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 4,
            'text-wrap': 'ellipsis', 'text-max-width': 120, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1, shape: node => shapes[node.data('kind')] ?? 'ellipse',
            'background-color': node => colours[node.data('kind')] ?? '#4a5562', width: 22, height: 22,
          },
        },
        { selector: 'node[distance = 0]', style: { width: 34, height: 34, 'font-weight': 'bold' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffbf47', 'overlay-opacity': 0 } },
        { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa5b1', 'curve-style': 'bezier' } },
        { selector: 'edge[kind = "helps"]', style: { 'line-color': '#0b5cad', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#0b5cad' } },
      ],
      maxZoom: 1.5,
      minZoom: 0.1,
      wheelSensitivity: 0.3,
    });
    // Cytoscape only notices window resizes, late; a narrower page or a turned phone redraws at once.
    resizing?.disconnect();
    resizing = new ResizeObserver(() => { graph?.resize(); graph?.fit(undefined, 30); });
    resizing.observe(container);
    const ordered = graph.nodes().sort((a, b) => a.data('order') - b.data('order'));
    let selected = -1;
    const select = index => {
      selected = (index + ordered.length) % ordered.length;
      const node = ordered[selected];
      graph.nodes().unselect();
      node.select();
      const { x, y } = node.renderedPosition();
      if (x < 0 || y < 0 || x > container.clientWidth || y > container.clientHeight) graph.center(node);
      announce.textContent = describe(node);
    };
    graph.on('tap', 'node', event => select(ordered.indexOf(event.target)));
    graph.on('dbltap', 'node', event => centreOn(event.target));
    container.onkeydown = event => {
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key in moves) select(selected + moves[event.key]);
      else if (event.key === 'Home') select(0);
      else if (event.key === 'End') select(ordered.length - 1);
      else if (event.key === 'Enter' && selected >= 0) centreOn(ordered[selected]);
      else return;
      event.preventDefault();
    };
  };

  draw();
  window.Blazor?.addEventListener?.('enhancedload', draw);
})();
