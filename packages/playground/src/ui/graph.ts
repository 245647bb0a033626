// The live pipeline graph: the SVG `alloy-lint graph` draws, in a shadow root (its stylesheet
// stays inside); a click on a block or cluster jumps to where it is written.
import type { Range } from 'vscode-languageserver-types';
import type { Graph } from '../protocol.js';

export class GraphView {
  private readonly root: ShadowRoot;
  private locations: Graph['locations'] = {};

  constructor(host: HTMLElement, fit: HTMLInputElement, jump: (range: Range) => void) {
    this.root = host.attachShadow({ mode: 'open' });
    const setFit = () => host.classList.toggle('fit', fit.checked);
    fit.addEventListener('change', setFit);
    setFit();
    this.root.addEventListener('click', (e) => {
      const el = (e.target as Element).closest?.('[data-id]');
      const loc = el && this.locations[el.getAttribute('data-id') ?? ''];
      if (loc) jump(loc.range);
    });
  }

  show(g: Graph): void {
    this.locations = g.locations;
    this.root.innerHTML = `<style>:host{display:block} svg{display:block;max-width:none} :host(.fit) svg{max-width:100%;height:auto} [data-id]{cursor:pointer} [data-id]:hover rect{stroke-width:2.5px}</style>${g.svg}`;
  }

  /** Ids of the clickable blocks shown (tests). */
  ids(): string[] {
    return [...this.root.querySelectorAll('[data-id]')].map((e) => e.getAttribute('data-id') ?? '');
  }
}
