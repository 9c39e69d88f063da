// The peer widget for the side-by-side benchmark, as a site would bundle it from npm.
import '@lrnwebcomponents/rss-items/rss-items.js';
