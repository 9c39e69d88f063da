// How a developer uses dist/kabar.d.ts; `tsc --strict --noEmit` must accept it (types.test.mjs).
import type { KabarArticle, KabarOptions } from '../../../dist/kabar';

const element = document.querySelector('kabar-news');
if (element) {
  element.addEventListener('kabar:click', (event) => {
    const position: number = event.detail.position;
    const url: string | null = event.detail.url;
    console.log(position, url);
  });
  element.addEventListener('kabar:ready', (event) => console.log(event.detail.count.toFixed(0)));
  const first: KabarArticle | undefined = element.articles[0];
  const opened: boolean = element.open(first?.id ?? '');
  element.refresh();
  element.close();
  console.log(opened, element.state === 'ready');
}

const options: Partial<KabarOptions> = { feed: '/feed.json', layout: 'compact', limit: 4, format: 'jsonapi', feedTimezone: 'Asia/Makassar', textReadMore: 'Selengkapnya' };
window.Kabar.mount(document.createElement('div'), options).then((widget) => {
  widget.open('x');
  window.Kabar.unmount(widget.element);
});
const version: string = window.Kabar.version;
console.log(version.split('.'));
