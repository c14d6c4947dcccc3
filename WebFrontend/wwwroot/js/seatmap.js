// The SVG seat map: seats in rows per section, colours by status, click or keyboard to pick.
// Seats are <g role="button"> with a roving tabindex (one Tab stop; arrow keys move between seats).

const SVG = 'http://www.w3.org/2000/svg';
const PITCH = 16;
const RADIUS = 6;
const ROW_LABEL = 28;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const STATUS_WORDS = { available: 'available', selected: 'selected', yours: 'held for you', held: 'held', sold: 'sold' };

export class SeatMap {
  /**
   * @param container element to draw into
   * @param sections the view's sections (name, price, currency, generalAdmission, available)
   * @param onToggle (seatId) => void, called when a fan picks or unpicks an available seat
   */
  constructor(container, sections, onToggle) {
    this.container = container;
    this.sections = new Map(sections.map(s => [s.sectionId, s]));
    this.onToggle = onToggle;
    this.seats = new Map(); // seatId -> {seat, node, state}
    this.rows = new Map(); // `${section}:${row}` -> [seatId by number]
    this.focusId = null;
  }

  /** Draws the whole map from the seat-map answer. */
  draw(seats) {
    const bySection = new Map();
    for (const s of seats) {
      if (!bySection.has(s.sectionId)) bySection.set(s.sectionId, []);
      bySection.get(s.sectionId).push(s);
    }
    const layouts = [];
    let width = 320;
    for (const [sectionId, list] of bySection) {
      const rows = Math.max(...list.map(s => s.row));
      const perRow = Math.max(...list.map(s => s.number));
      layouts.push({ sectionId, list, rows, perRow });
      width = Math.max(width, ROW_LABEL * 2 + perRow * PITCH);
    }
    const ga = [...this.sections.values()].filter(s => s.generalAdmission);

    const root = svg('svg', { class: 'seatmap', role: 'group', 'aria-label': 'Seat map', focusable: 'false' });
    let y = 8;
    root.append(svg('rect', { class: 'stage', x: width / 2 - 110, y, width: 220, height: 26, rx: 6 }));
    root.append(svg('text', { class: 'stage-label', x: width / 2, y: y + 17, 'text-anchor': 'middle', 'aria-hidden': 'true' }, 'STAGE'));
    y += 42;
    for (const section of ga) {
      const box = svg('g', { 'aria-hidden': 'true' });
      box.append(svg('rect', { class: 'ga', x: width / 2 - 150, y, width: 300, height: 44, rx: 8 }));
      box.append(svg('text', { class: 'ga-label', x: width / 2, y: y + 27, 'text-anchor': 'middle' }, `${section.name} · standing`));
      root.append(box);
      y += 58;
    }

    this.seats.clear();
    this.rows.clear();
    for (const layout of layouts) {
      const section = this.sections.get(layout.sectionId);
      const name = section?.name ?? layout.sectionId;
      const group = svg('g', { role: 'group', 'aria-label': `${name}, ${section ? `${section.price} ${section.currency}` : ''}` });
      group.append(svg('text', { class: 'section-label', x: width / 2, y: y + 12, 'text-anchor': 'middle', 'aria-hidden': 'true' }, name));
      y += 22;
      const left = (width - layout.perRow * PITCH) / 2;
      for (let r = 1; r <= layout.rows; r++) {
        const cy = y + (r - 1) * PITCH + PITCH / 2;
        group.append(svg('text', { class: 'row-label', x: left - 8, y: cy + 3, 'text-anchor': 'end', 'aria-hidden': 'true' }, r));
      }
      for (const seat of layout.list.sort((a, b) => a.row - b.row || a.number - b.number)) {
        const cx = left + (seat.number - 1) * PITCH + PITCH / 2;
        const cy = y + (seat.row - 1) * PITCH + PITCH / 2;
        const node = svg('g', { class: 'seat', role: 'button', tabindex: '-1', 'data-seat': seat.seatId });
        node.append(svg('circle', { cx, cy, r: RADIUS }));
        group.append(node);
        const entry = { seat, node, state: null };
        this.seats.set(seat.seatId, entry);
        const key = `${seat.sectionId}:${seat.row}`;
        if (!this.rows.has(key)) this.rows.set(key, []);
        this.rows.get(key)[seat.number] = seat.seatId;
        node.addEventListener('click', () => this.#activate(seat.seatId));
      }
      y += layout.rows * PITCH + 18;
      root.append(group);
    }
    root.setAttribute('viewBox', `0 0 ${width} ${y}`);
    root.addEventListener('keydown', e => this.#key(e));
    root.addEventListener('focusin', e => {
      const id = e.target.closest?.('.seat')?.dataset.seat;
      if (id) this.#setFocus(id, false);
    });
    this.container.replaceChildren(root);
    this.svg = root;
    const first = layouts[0]?.list[0]?.seatId;
    if (first) this.#setFocus(first, false);
  }

  /** Sets each seat's shown state: available, selected, yours, held or sold. */
  update(statusOf) {
    for (const [id, entry] of this.seats) {
      const state = statusOf(entry.seat);
      if (state === entry.state) continue;
      entry.state = state;
      const { node, seat } = entry;
      node.setAttribute('class', `seat ${state}${node.classList.contains('conflict') && state !== 'available' ? ' conflict' : ''}`);
      const section = this.sections.get(seat.sectionId);
      const price = section ? `${section.price} ${section.currency}` : '';
      node.setAttribute('aria-label', `Row ${seat.row}, seat ${seat.number}, ${price}, ${STATUS_WORDS[state]}`);
      node.setAttribute('aria-pressed', String(state === 'selected'));
      if (state === 'available' || state === 'selected') node.removeAttribute('aria-disabled');
      else node.setAttribute('aria-disabled', 'true');
    }
  }

  /** Marks seats someone else took first (a 409), until they are redrawn. */
  markConflicts(ids) {
    for (const entry of this.seats.values()) entry.node.classList.remove('conflict');
    for (const id of ids) this.seats.get(id)?.node.classList.add('conflict');
  }

  #activate(id) {
    const entry = this.seats.get(id);
    if (!entry) return;
    this.#setFocus(id, false);
    if (entry.state === 'available' || entry.state === 'selected') this.onToggle(id);
  }

  #setFocus(id, move) {
    if (this.focusId && this.focusId !== id) this.seats.get(this.focusId)?.node.setAttribute('tabindex', '-1');
    this.focusId = id;
    const node = this.seats.get(id)?.node;
    if (!node) return;
    node.setAttribute('tabindex', '0');
    if (move) node.focus();
  }

  #key(e) {
    const id = e.target.closest?.('.seat')?.dataset.seat;
    if (!id) return;
    const { seat } = this.seats.get(id);
    let next = null;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.#activate(id);
        return;
      case 'ArrowLeft': next = this.#inRow(seat.sectionId, seat.row, seat.number, -1); break;
      case 'ArrowRight': next = this.#inRow(seat.sectionId, seat.row, seat.number, +1); break;
      case 'ArrowUp': next = this.#otherRow(seat, -1); break;
      case 'ArrowDown': next = this.#otherRow(seat, +1); break;
      case 'Home': next = this.#inRow(seat.sectionId, seat.row, 0, +1); break;
      case 'End': next = this.#inRow(seat.sectionId, seat.row, 100000, -1); break;
      default: return;
    }
    e.preventDefault();
    if (next) this.#setFocus(next, true);
  }

  #inRow(section, row, number, step) {
    const list = this.rows.get(`${section}:${row}`) ?? [];
    for (let n = Math.min(number + step, list.length); n >= 0 && n < list.length + 1; n += step) {
      if (list[n]) return list[n];
    }
    return null;
  }

  #otherRow(seat, step) {
    const keys = [...this.rows.keys()];
    const index = keys.indexOf(`${seat.sectionId}:${seat.row}`);
    const key = keys[index + step];
    if (!key) return null;
    const list = this.rows.get(key);
    return list[Math.min(seat.number, list.length - 1)] ?? list.find(Boolean) ?? null;
  }
}
