// A wrong use of dist/kabar.d.ts that tsc must reject (types.test.mjs checks the error names it).
import type {} from '../../../dist/kabar';

document.querySelector('kabar-news')?.addEventListener('kabar:click', (event) => {
  const position: string = event.detail.position;
  console.log(position);
});
