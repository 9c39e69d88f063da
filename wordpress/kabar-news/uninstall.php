<?php
/**
 * Removing the plugin removes what it stored: its option and the relay's cached feeds.
 *
 * @package kabar-news
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the option and the relay transients of the current site.
 */
function kabar_news_uninstall_site() {
	global $wpdb;
	delete_option( 'kabar_news_settings' );
	$like = $wpdb->esc_like( '_transient_kabar_news_relay_' ) . '%';
	$timeouts = $wpdb->esc_like( '_transient_timeout_kabar_news_relay_' ) . '%';
	$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $like, $timeouts ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( $names as $name ) {
		delete_option( $name );
	}
	// With a persistent object cache transients live there instead: flush the group's keys we know.
	wp_cache_delete( 'kabar_news_settings', 'options' );
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $kabar_news_site ) {
		switch_to_blog( $kabar_news_site );
		kabar_news_uninstall_site();
		restore_current_blog();
	}
} else {
	kabar_news_uninstall_site();
}
