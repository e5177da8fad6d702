// Small helpers to build the page from data without string concatenation (no HTML injection from API values).

/** h('tag', {attr: value, onclick: fn}, child, …): children are nodes, strings, numbers, arrays, or null (skipped). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

/** Appends children as h() does: arrays flattened, null and false skipped (the DOM's own append would print "null"). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** A table with a caption, header labels and rows (arrays of cells); rowClass(row index) may mark rows. */
export function table(caption, headers, rows, rowClass = () => null) {
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(label => h('th', {scope: 'col'}, label)))),
    h('tbody', {}, rows.map((cells, i) => h('tr', {class: rowClass(i)}, cells.map(cell => h('td', {}, cell))))));
}

export function section(title, ...children) {
  return h('section', {'aria-label': title}, h('h2', {}, title), ...children);
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/**
 * A file input with a Chinese button and the chosen files' names (the browser's own control speaks the browser's
 * language: "Choose Files / No file chosen"). The input stays in the page, visually hidden but focusable, so the
 * keyboard and screen readers reach it; its label is the button. Returns the input (its files, its value) and the
 * field to place in the form; clearing the input's value and dispatching 'change' resets the names.
 */
export function filePicker({id, title, multiple = false, accept = '.xlsx'}) {
  const chosen = h('span', {class: 'chosen', id: `${id}-chosen`}, '未选择文件');
  const input = h('input', {type: 'file', id, name: 'file', accept, multiple, required: true,
    class: 'visually-hidden', 'aria-labelledby': `${id}-title ${id}-button`, 'aria-describedby': `${id}-chosen`});
  input.addEventListener('change', () => {
    const names = [...input.files].map(f => f.name);
    chosen.textContent = names.length ? `已选择：${names.join('、')}` : '未选择文件';
  });
  const field = h('div', {class: 'file-picker'},
    h('span', {class: 'field-title', id: `${id}-title`}, title),
    input,
    h('label', {for: id, id: `${id}-button`, class: 'button secondary'}, multiple ? '选择文件（可多选）' : '选择文件'),
    chosen);
  return {input, field};
}
