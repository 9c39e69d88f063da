<?php
/**
 * PHPUnit bootstrap. With KABAR_WP_LOAD (a real test site's wp-load.php) WordPress is loaded
 * first, for the tests that use its escaping functions; without it only the plain-PHP classes are
 * loaded, and the `wordpress` suite refuses to run rather than pass without WordPress.
 *
 * @package kabar-news
 */

define( 'KABAR_NEWS_TESTING', true );

$kabar_news_wp_load = getenv( 'KABAR_WP_LOAD' );
if ( $kabar_news_wp_load ) {
	if ( ! is_readable( $kabar_news_wp_load ) ) {
		fwrite( STDERR, "KABAR_WP_LOAD=$kabar_news_wp_load is not readable\n" );
		exit( 1 );
	}
	$_SERVER['HTTP_HOST']   = getenv( 'KABAR_WP_HTTP_HOST' ) ?: ( $_SERVER['HTTP_HOST'] ?? 'localhost' );
	$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
	require_once $kabar_news_wp_load;
	// PHPUnit includes this file inside a function and then copies its local variables into
	// $GLOBALS. WordPress files that set a variable at file level (e.g. `$shortcode_tags = array();`)
	// made a stale local copy of a global that WordPress filled since: drop those copies so the
	// globals survive.
	foreach ( array_keys( get_defined_vars() ) as $kabar_news_name ) {
		if ( 'kabar_news_name' !== $kabar_news_name && array_key_exists( $kabar_news_name, $GLOBALS ) ) {
			unset( $$kabar_news_name );
		}
	}
} elseif ( in_array( 'wordpress', $GLOBALS['argv'] ?? array(), true ) ) {
	fwrite( STDERR, "The wordpress suite needs KABAR_WP_LOAD=<a test site's wp-load.php>\n" );
	exit( 1 );
}

foreach ( array( 'contract', 'allowlist', 'settings', 'widget', 'relay' ) as $kabar_news_part ) {
	$kabar_news_class = 'Kabar_News_' . ucfirst( $kabar_news_part );
	if ( ! class_exists( $kabar_news_class, false ) ) {
		require_once dirname( __DIR__ ) . '/includes/class-kabar-news-' . $kabar_news_part . '.php';
	}
}

/**
 * The widget's contract as `cargo xtask dist` wrote it (or KABAR_CONTRACT, or the plugin's copy).
 *
 * @return Kabar_News_Contract
 */
function kabar_news_test_contract() {
	static $contract = null;
	if ( null === $contract ) {
		$candidates = array_filter(
			array(
				getenv( 'KABAR_CONTRACT' ),
				dirname( __DIR__, 3 ) . '/dist/contract.json',
				dirname( __DIR__ ) . '/assets/contract.json',
			)
		);
		foreach ( $candidates as $path ) {
			if ( is_readable( $path ) ) {
				$contract = Kabar_News_Contract::from_file( $path );
				break;
			}
		}
		if ( null === $contract ) {
			throw new RuntimeException( 'No contract.json: run `cargo xtask dist` first.' );
		}
	}
	return $contract;
}
