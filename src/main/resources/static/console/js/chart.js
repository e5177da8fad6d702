// Small inline SVG charts drawn here (no library): horizontal bars against a threshold line.
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * bars: [{label, value, ok, text}], threshold: a number or null; title is read out by screen readers.
 * Bars failing (ok === false) are drawn in the warning colour; the threshold is a dashed line with its label.
 */
export function barChart({title, bars, threshold = null, thresholdText = ''}) {
  const rowHeight = 24;
  const labelWidth = 170;
  const valueWidth = 110;
  const plotWidth = 300;
  const top = threshold === null ? 8 : 22;
  const height = top + bars.length * rowHeight + 6;
  const max = Math.max(...bars.map(b => Number(b.value) || 0), Number(threshold) || 0) * 1.1 || 1;
  const x = v => labelWidth + (Math.max(0, Number(v) || 0) / max) * plotWidth;
  const svg = el('svg', {
    viewBox: `0 0 ${labelWidth + plotWidth + valueWidth} ${height}`, role: 'img', class: 'chart',
    'aria-label': title,
  });
  svg.append(el('title', {}, title));
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    svg.append(el('text', {x: labelWidth - 6, y: y + 16, 'text-anchor': 'end', class: 'chart-label'}, bar.label));
    svg.append(el('rect', {
      x: labelWidth, y: y + 4, width: Math.max(1, x(bar.value) - labelWidth), height: rowHeight - 8,
      class: bar.ok === false ? 'bar bar-fail' : 'bar',
    }));
    svg.append(el('text', {x: x(bar.value) + 4, y: y + 16, class: 'chart-value'}, bar.text ?? String(bar.value)));
  });
  if (threshold !== null) {
    const tx = x(threshold);
    svg.append(el('line', {x1: tx, x2: tx, y1: top - 4, y2: height - 2, class: 'threshold'}));
    svg.append(el('text', {x: tx, y: 12, 'text-anchor': 'middle', class: 'chart-threshold'}, thresholdText));
  }
  return svg;
}
