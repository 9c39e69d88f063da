<?php
/**
 * Plugin Name:       Kabar News
 * Plugin URI:        https://github.com/kabar-news/kabar
 * Description:       News cards with an accessible reader, search and layouts: this site's own posts with no set-up, or other sites' feeds through an allowlisted relay. A block and a shortcode.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * Author:            Kabar
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       kabar-news
 * Domain Path:       /languages
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || exit;

define( 'KABAR_NEWS_VERSION', '0.1.0' );
define( 'KABAR_NEWS_FILE', __FILE__ );
define( 'KABAR_NEWS_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-kabar-news-contract.php';
require_once __DIR__ . '/includes/class-kabar-news-allowlist.php';
require_once __DIR__ . '/includes/class-kabar-news-settings.php';
require_once __DIR__ . '/includes/class-kabar-news-widget.php';
require_once __DIR__ . '/includes/class-kabar-news-relay.php';
require_once __DIR__ . '/includes/class-kabar-news-plugin.php';

Kabar_News_Plugin::boot();
