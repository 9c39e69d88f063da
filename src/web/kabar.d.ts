// Type declarations for the Kabar news widget (dist/kabar.js). Reference them with
// /// <reference path="kabar.d.ts" /> or copy them into your project's types.

/** An article as the widget's JS API hands it out. Dates are UTC RFC 3339 strings. */
export interface KabarArticle {
  id: string;
  url: string | null;
  title: string;
  summary: string;
  image: string | null;
  published: string | null;
  modified: string | null;
  authors: string[];
  categories: string[];
  tags: string[];
  /** The feed it came from: its URL and the name shown for it (the feed's title, else its host). */
  source: KabarSource | null;
}

/** The feed an article came from. */
export interface KabarSource {
  feed: string;
  name: string;
}

/** The widget's state, also reflected as the host's `data-state` attribute. */
export type KabarState = 'loading' | 'ready' | 'empty' | 'error';

/** The `detail` of each event the widget dispatches on its host (they bubble and are composed). */
export interface KabarEventDetails {
  'kabar:ready': { count: number; format: string };
  'kabar:error': { message: string };
  'kabar:open': { id: string; url: string | null; title: string; source: KabarSource | null };
  'kabar:close': null;
  'kabar:click': { id: string; url: string | null; position: number; source: KabarSource | null };
}

/** What every mounted widget offers, whichever form it has. */
export interface KabarWidgetApi {
  /** Fetches the feed again now, bypassing the cache. */
  refresh(): void;
  /** Opens the article with this id in the reader; false if there is none (yet). */
  open(id: string): boolean;
  /** Closes the reader. */
  close(): void;
  /** The articles on show (after the webmaster's filters), as plain copies. */
  readonly articles: KabarArticle[];
  readonly state: KabarState;
}

/** Attributes, as `Kabar.mount` options (camelCase) or element attributes (kebab-case). Checked
 * entry by entry against the contract table (src/contract.rs) by tests/contract.rs. */
export interface KabarOptions {
  /** One feed URL, or up to 12 (space-separated, or an array) merged into one list. */
  feed: string | string[];
  limit?: number;
  layout?: 'grid' | 'list' | 'compact' | 'featured' | 'carousel' | 'ticker';
  /** Seconds between automatic moves: the carousel only when set, the ticker every 5 unless set. */
  autoplay?: number;
  columns?: number;
  minCardWidth?: string;
  lang?: 'id' | 'en';
  format?: 'jsonfeed' | 'wordpress' | 'rss' | 'atom' | 'custom' | 'jsonapi';
  fields?: string;
  sort?: 'newest' | 'feed';
  timeout?: number;
  cache?: number;
  refresh?: number;
  reader?: 'inline' | 'link' | 'new-tab';
  show?: string;
  excerpt?: number;
  imageRatio?: string;
  fallbackImage?: string;
  heading?: string;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  target?: '_blank' | '_self';
  date?: 'medium' | 'relative' | 'short' | 'long' | 'none';
  timezone?: string;
  /** The zone of feed dates written without an offset: `Asia/Jakarta` (default),
   * `Asia/Pontianak`, `Asia/Makassar`, `Asia/Jayapura`, `UTC` or an offset such as `+08:00`. */
  feedTimezone?: string;
  category?: string;
  excludeCategory?: string;
  include?: string;
  exclude?: string;
  since?: string;
  search?: boolean;
  /** `category` (also the attribute without a value) or `source`. */
  chips?: 'category' | 'source';
  theme?: 'light' | 'dark' | 'auto';
  accent?: string;
  /** `lazy` (default): start only when near the viewport; `eager`: start at once. */
  loading?: 'lazy' | 'eager';
  /** JSON object of strings to override, e.g. '{"read_more": "Selengkapnya"}'. */
  strings?: string;
  /** Any `text-…` attribute, e.g. textReadMore: 'Selengkapnya'. */
  [text: `text${string}`]: string | undefined;
}

/** The `<kabar-news>` element. */
export interface KabarNewsElement extends HTMLElement, KabarWidgetApi {
  addEventListener<K extends keyof KabarEventDetails>(
    type: K,
    listener: (this: KabarNewsElement, event: CustomEvent<KabarEventDetails[K]>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** `window.Kabar`. */
export interface KabarGlobal {
  /** True once kabar.js has run (a second copy does nothing). */
  readonly loaded: boolean;
  /** The release this kabar.js belongs to (Cargo.toml's version), e.g. "0.1.0". */
  readonly version: string;
  /** Resolves once the wasm has loaded: at once on a page without widgets in its markup, else
   * when the first widget nears the viewport (or at once for `loading="eager"` or `mount`). */
  readonly ready: Promise<void>;
  /** Sets the options as attributes (data- prefixed on a div) and mounts the widget there. */
  mount(element: HTMLElement, options?: Partial<KabarOptions>): Promise<KabarWidgetApi & { element: HTMLElement }>;
  /** Tears a widget down: requests aborted, timers cleared, the light-DOM fallback back. */
  unmount(element: HTMLElement): void;
  /** The API of a mounted widget, or null. */
  widget(element: HTMLElement): (KabarWidgetApi & { element: HTMLElement }) | null;
  /** The wasm's linear memory in bytes (0 before it loads), for measuring. */
  wasmMemoryBytes(): number;
}

declare global {
  interface Window {
    Kabar: KabarGlobal;
  }
  interface HTMLElementTagNameMap {
    'kabar-news': KabarNewsElement;
  }
  interface HTMLElementEventMap {
    'kabar:ready': CustomEvent<KabarEventDetails['kabar:ready']>;
    'kabar:error': CustomEvent<KabarEventDetails['kabar:error']>;
    'kabar:open': CustomEvent<KabarEventDetails['kabar:open']>;
    'kabar:close': CustomEvent<null>;
    'kabar:click': CustomEvent<KabarEventDetails['kabar:click']>;
  }
}
