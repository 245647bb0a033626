// The tabs beside the editor: graph, samples, run, test.
export function tabs(nav: HTMLElement): (name: string) => void {
  const select = (name: string) => {
    for (const b of nav.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', String(on));
      document.getElementById(`tab-${b.dataset.tab}`)!.hidden = !on;
    }
  };
  nav.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('[data-tab]');
    if (b) select(b.dataset.tab!);
  });
  return select;
}
