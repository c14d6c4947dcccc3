// One section of a stadium, drawn seat by seat at a size a finger can hit: one SVG <circle> per
// seat (10,000 seats are 10,000 nodes, not a group and a circle each) inside a box that scrolls.
// Same contract as SeatMap (draw, update, markConflicts); a roving tabindex gives one Tab stop and
// the arrow keys move between seats.

const SVG = 'http://www.w3.org/2000/svg';
const PITCH = 28; // a 24 px seat with room around it: WCAG's minimum target size
const RADIUS = 12;
const ROW_LABEL = 34;

const STATUS_WORDS = { available: 'available', selected: 'selected', yours: 'held for you', held: 'held', sold: 'sold' };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class SectionMap {
  /**
   * @param container element to draw into (it scrolls)
   * @param section the overview's section (sectionId, name, rows, seatsPerRow, price, currency)
   * @param onToggle (seatId) => void, called when a fan picks or unpicks an available seat
   */
  constructor(container, section, onToggle) {
    this.container = container;
    this.section = section;
    this.onToggle = onToggle;
    this.entries = []; // by seat index: {seat, node, state}
    this.byId = new Map();
    this.focus = -1;
    this.price = new Intl.NumberFormat(undefined, { style: 'currency', currency: section.currency }).format(section.price);
  }

  /** Draws every seat of the section, row by row; `seats` is indexed as the section's status string. */
  draw(seats) {
    const { rows, seatsPerRow: perRow } = this.section;
    const width = ROW_LABEL + perRow * PITCH + 8;
    const height = rows * PITCH + 8;
    const root = svg('svg', {
      class: 'sectionmap', role: 'group', focusable: 'false', width, height, viewBox: `0 0 ${width} ${height}`,
      'aria-label': `${this.section.name}: ${rows} rows of ${perRow} seats. Arrow keys move between seats, Enter picks one.`,
    });
    const labels = svg('g', { 'aria-hidden': 'true', class: 'row-labels' });
    for (let r = 1; r <= rows; r++) labels.append(svg('text', { x: ROW_LABEL - 8, y: 4 + (r - 1) * PITCH + PITCH / 2 + 4, 'text-anchor': 'end' }, r));
    root.append(labels);
    this.entries = new Array(seats.length);
    this.byId.clear();
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < seats.length; i++) {
      const seat = seats[i];
      const node = document.createElementNS(SVG, 'circle');
      node.setAttribute('cx', ROW_LABEL + (seat.number - 1) * PITCH + PITCH / 2);
      node.setAttribute('cy', 4 + (seat.row - 1) * PITCH + PITCH / 2);
      node.setAttribute('r', RADIUS);
      node.setAttribute('role', 'button');
      node.setAttribute('tabindex', '-1');
      node.setAttribute('data-seat', seat.seatId);
      node.setAttribute('data-index', i);
      fragment.append(node);
      this.entries[i] = { seat, node, state: null };
      this.byId.set(seat.seatId, i);
    }
    root.append(fragment);
    // One listener for the whole section, not one per seat.
    root.addEventListener('click', e => this.#activate(this.#indexOf(e.target)));
    root.addEventListener('keydown', e => this.#key(e));
    root.addEventListener('focusin', e => { const i = this.#indexOf(e.target); if (i >= 0) this.#setFocus(i, false); });
    this.container.replaceChildren(root);
    this.svg = root;
    if (seats.length) this.#setFocus(0, false);
  }

  /** Sets each seat's shown state: available, selected, yours, held or sold. */
  update(stateOf) {
    for (const entry of this.entries) {
      const state = stateOf(entry.seat);
      if (state === entry.state) continue;
      entry.state = state;
      const { node, seat } = entry;
      node.setAttribute('class', `seat ${state}${node.classList.contains('conflict') && state !== 'available' ? ' conflict' : ''}`);
      node.setAttribute('aria-label', `Row ${seat.row}, seat ${seat.number}, ${this.price}, ${STATUS_WORDS[state]}`);
      node.setAttribute('aria-pressed', String(state === 'selected'));
      if (state === 'available' || state === 'selected') node.removeAttribute('aria-disabled');
      else node.setAttribute('aria-disabled', 'true');
    }
  }

  /** Marks seats someone else took first (a 409), until they are redrawn. */
  markConflicts(ids) {
    for (const entry of this.entries) entry.node.classList.remove('conflict');
    for (const id of ids) if (this.byId.has(id)) this.entries[this.byId.get(id)].node.classList.add('conflict');
  }

  #indexOf(target) {
    const index = target?.getAttribute?.('data-index');
    return index === null || index === undefined ? -1 : Number(index);
  }

  #activate(i) {
    const entry = this.entries[i];
    if (!entry) return;
    this.#setFocus(i, false);
    if (entry.state === 'available' || entry.state === 'selected') this.onToggle(entry.seat.seatId);
  }

  #setFocus(i, move) {
    if (this.focus >= 0 && this.focus !== i) this.entries[this.focus]?.node.setAttribute('tabindex', '-1');
    this.focus = i;
    const node = this.entries[i]?.node;
    if (!node) return;
    node.setAttribute('tabindex', '0');
    if (move) {
      node.focus();
      node.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    }
  }

  #key(e) {
    const i = this.#indexOf(e.target);
    if (i < 0) return;
    const perRow = this.section.seatsPerRow;
    const column = i % perRow;
    let next;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.#activate(i);
        return;
      case 'ArrowLeft': next = column > 0 ? i - 1 : i; break;
      case 'ArrowRight': next = column < perRow - 1 ? i + 1 : i; break;
      case 'ArrowUp': next = i - perRow >= 0 ? i - perRow : i; break;
      case 'ArrowDown': next = i + perRow < this.entries.length ? i + perRow : i; break;
      case 'Home': next = i - column; break;
      case 'End': next = i - column + perRow - 1; break;
      default: return;
    }
    e.preventDefault();
    this.#setFocus(next, true);
  }
}
