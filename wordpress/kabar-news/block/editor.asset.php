<?php
/**
 * Dependencies of block/editor.js (written against the wp.* globals, no build step).
 *
 * @package kabar-news
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-data', 'wp-core-data', 'kabar-news' ),
	'version'      => '0.1.0',
);
