<?php
/**
 * Server-side render of the Kabar News block (block.json `render`).
 *
 * @package kabar-news
 *
 * @var array $attributes The block's attributes.
 */

defined( 'ABSPATH' ) || exit;

echo Kabar_News_Plugin::render_block( is_array( $attributes ) ? $attributes : array() ); // phpcs:ignore WordPress.Security.EscapeOutput -- built with esc_attr/esc_url/esc_html.
