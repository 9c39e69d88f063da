<?php
/**
 * The option `kabar_news_settings`: default attributes, relay allowlist, relay cache minutes.
 * `sanitise` is plain PHP (tested without WordPress); the page itself is WordPress's Settings API.
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || defined( 'KABAR_NEWS_TESTING' ) || exit;

/** The settings: their shape, their sanitising, and the Settings → Kabar News page. */
final class Kabar_News_Settings {

	/** Option name. */
	const OPTION = 'kabar_news_settings';
	/** Option group (the `settings_fields` nonce). */
	const GROUP = 'kabar_news';
	/** Settings page slug. */
	const PAGE = 'kabar-news';
	/** Relay cache minutes when nothing is set. */
	const DEFAULT_CACHE_MINUTES = 10;
	/** Longest relay cache a site may ask for: a day. */
	const MAX_CACHE_MINUTES = 1440;

	/**
	 * The option with every key present.
	 *
	 * @param mixed $stored What get_option returned.
	 * @return array{defaults: array<string, string>, relay_hosts: string[], relay_cache_minutes: int}
	 */
	public static function with_defaults( $stored ) {
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'defaults'            => isset( $stored['defaults'] ) && is_array( $stored['defaults'] ) ? $stored['defaults'] : array(),
			'relay_hosts'         => isset( $stored['relay_hosts'] ) && is_array( $stored['relay_hosts'] ) ? array_values( $stored['relay_hosts'] ) : array(),
			'relay_cache_minutes' => isset( $stored['relay_cache_minutes'] ) ? (int) $stored['relay_cache_minutes'] : self::DEFAULT_CACHE_MINUTES,
		);
	}

	/**
	 * What the form (or anyone calling update_option) sent, made safe: defaults only for contract
	 * attributes with values of their kind, hosts that are host names (one per line), minutes in
	 * 0…1440. Returns the clean option and the lines it refused.
	 *
	 * @param mixed               $input    The submitted option.
	 * @param Kabar_News_Contract $contract The contract.
	 * @return array{0: array{defaults: array<string, string>, relay_hosts: string[], relay_cache_minutes: int}, 1: string[]}
	 */
	public static function sanitise( $input, Kabar_News_Contract $contract ) {
		$input    = is_array( $input ) ? $input : array();
		$refused  = array();
		$defaults = array();
		if ( isset( $input['defaults'] ) && is_array( $input['defaults'] ) ) {
			foreach ( $input['defaults'] as $name => $value ) {
				$name = (string) $name;
				if ( null === $contract->get( $name ) || 'feed' === $name ) {
					continue;
				}
				if ( is_string( $value ) && '' === trim( $value ) ) {
					continue;
				}
				$normal = $contract->normalise( $name, $value );
				if ( null === $normal ) {
					$refused[] = $name;
					continue;
				}
				// Markup never belongs in an attribute default.
				$defaults[ $name ] = trim( strip_tags( $normal ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		$hosts = array();
		$lines = isset( $input['relay_hosts'] ) ? $input['relay_hosts'] : array();
		if ( is_string( $lines ) ) {
			$lines = preg_split( '/[\r\n,]+/', $lines );
		}
		foreach ( is_array( $lines ) ? $lines : array() as $line ) {
			if ( ! is_string( $line ) || '' === trim( $line ) ) {
				continue;
			}
			$entry = Kabar_News_Allowlist::normalise_entry( $line );
			if ( null === $entry ) {
				$refused[] = trim( $line );
			} elseif ( ! in_array( $entry, $hosts, true ) ) {
				$hosts[] = $entry;
			}
		}
		$minutes = self::DEFAULT_CACHE_MINUTES;
		if ( isset( $input['relay_cache_minutes'] ) && is_scalar( $input['relay_cache_minutes'] ) ) {
			$text = trim( (string) $input['relay_cache_minutes'] );
			if ( preg_match( '/^\d{1,9}$/', $text ) ) {
				$minutes = min( (int) $text, self::MAX_CACHE_MINUTES );
			} elseif ( '' !== $text ) {
				$refused[] = 'relay_cache_minutes';
			}
		}
		return array(
			array(
				'defaults'            => $defaults,
				'relay_hosts'         => $hosts,
				'relay_cache_minutes' => $minutes,
			),
			$refused,
		);
	}

	/** Hooks the option and the page into WordPress. */
	public static function register() {
		add_action( 'admin_init', array( __CLASS__, 'admin_init' ) );
		add_action( 'admin_menu', array( __CLASS__, 'admin_menu' ) );
	}

	/** The option, its sanitising callback and the page's sections. */
	public static function admin_init() {
		register_setting(
			self::GROUP,
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitise_option' ),
				'default'           => self::with_defaults( null ),
				'show_in_rest'      => false,
			)
		);
		add_settings_section( 'kabar_news_relay', __( 'Relay allowlist', 'kabar-news' ), array( __CLASS__, 'relay_section' ), self::PAGE );
		add_settings_field( 'kabar_news_relay_hosts', __( 'Allowed hosts', 'kabar-news' ), array( __CLASS__, 'relay_hosts_field' ), self::PAGE, 'kabar_news_relay', array( 'label_for' => 'kabar-news-relay-hosts' ) );
		add_settings_field( 'kabar_news_relay_cache', __( 'Relay cache (minutes)', 'kabar-news' ), array( __CLASS__, 'relay_cache_field' ), self::PAGE, 'kabar_news_relay', array( 'label_for' => 'kabar-news-relay-cache' ) );
		add_settings_section( 'kabar_news_defaults', __( 'Default attributes', 'kabar-news' ), array( __CLASS__, 'defaults_section' ), self::PAGE );
		foreach ( Kabar_News_Plugin::contract()->widget_attributes() as $name => $record ) {
			if ( 'feed' === $name ) {
				continue;
			}
			add_settings_field( 'kabar_news_default_' . $name, esc_html( $name ), array( __CLASS__, 'default_field' ), self::PAGE, 'kabar_news_defaults', array( 'label_for' => 'kabar-news-default-' . $name, 'record' => $record ) );
		}
	}

	/**
	 * The Settings API's sanitising callback.
	 *
	 * @param mixed $input Submitted value.
	 * @return array
	 */
	public static function sanitise_option( $input ) {
		list( $clean, $refused ) = self::sanitise( $input, Kabar_News_Plugin::contract() );
		if ( $refused && function_exists( 'add_settings_error' ) ) {
			add_settings_error(
				self::OPTION,
				'kabar_news_refused',
				sprintf(
					/* translators: %s: the refused entries */
					__( 'These entries were not saved because they are not valid: %s', 'kabar-news' ),
					implode( ', ', array_map( 'sanitize_text_field', $refused ) )
				)
			);
		}
		return $clean;
	}

	/** Settings → Kabar News. */
	public static function admin_menu() {
		add_options_page( __( 'Kabar News', 'kabar-news' ), __( 'Kabar News', 'kabar-news' ), 'manage_options', self::PAGE, array( __CLASS__, 'page' ) );
	}

	/** The page. */
	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Kabar News', 'kabar-news' ) . '</h1>';
		settings_errors( self::OPTION );
		echo '<form action="options.php" method="post">';
		settings_fields( self::GROUP );
		do_settings_sections( self::PAGE );
		submit_button();
		echo '</form></div>';
	}

	/** Text above the allowlist. */
	public static function relay_section() {
		echo '<p>' . esc_html__( 'The relay fetches other sites\' feeds on this server, because most sites do not let browsers read their feeds from another origin. It only fetches from the hosts listed here, one per line (a host name, or host:port for another port). None are listed at first.', 'kabar-news' ) . '</p>';
		echo '<p><strong>' . esc_html__( 'Warning: listing an internal host (an intranet name, localhost or a private address) makes it reachable from the internet through this site.', 'kabar-news' ) . '</strong></p>';
	}

	/** The allowlist textarea. */
	public static function relay_hosts_field() {
		$settings = self::with_defaults( get_option( self::OPTION ) );
		printf(
			'<textarea id="kabar-news-relay-hosts" name="%s[relay_hosts]" rows="6" cols="50" class="large-text code">%s</textarea>',
			esc_attr( self::OPTION ),
			esc_textarea( implode( "\n", $settings['relay_hosts'] ) )
		);
		echo '<p class="description">' . esc_html__( 'Example: berita.example.go.id', 'kabar-news' ) . '</p>';
	}

	/** The cache minutes. */
	public static function relay_cache_field() {
		$settings = self::with_defaults( get_option( self::OPTION ) );
		printf(
			'<input type="number" id="kabar-news-relay-cache" name="%s[relay_cache_minutes]" value="%d" min="0" max="%d" class="small-text"> <span class="description">%s</span>',
			esc_attr( self::OPTION ),
			(int) $settings['relay_cache_minutes'],
			(int) self::MAX_CACHE_MINUTES,
			esc_html__( '0 turns the cache off.', 'kabar-news' )
		);
	}

	/** Text above the defaults. */
	public static function defaults_section() {
		echo '<p>' . esc_html__( 'Values every Kabar News block and shortcode on this site use unless it sets its own. Leave a field empty for the widget\'s own default.', 'kabar-news' ) . '</p>';
	}

	/**
	 * One default attribute's field, by its kind.
	 *
	 * @param array $args `record`: the contract's record.
	 */
	public static function default_field( $args ) {
		$record   = $args['record'];
		$name     = (string) $record['name'];
		$settings = self::with_defaults( get_option( self::OPTION ) );
		$value    = isset( $settings['defaults'][ $name ] ) ? (string) $settings['defaults'][ $name ] : '';
		$field    = self::OPTION . '[defaults][' . $name . ']';
		$id       = 'kabar-news-default-' . $name;
		if ( 'keyword' === $record['kind'] || 'boolean' === $record['kind'] ) {
			$choices = 'boolean' === $record['kind'] ? array( 'true', 'false' ) : Kabar_News_Plugin::contract()->keywords( $name );
			echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $field ) . '"><option value="">' . esc_html__( '(widget default)', 'kabar-news' ) . '</option>';
			foreach ( $choices as $choice ) {
				echo '<option value="' . esc_attr( $choice ) . '"' . selected( $value, $choice, false ) . '>' . esc_html( $choice ) . '</option>';
			}
			echo '</select>';
		} else {
			$type = 'number' === $record['kind'] ? 'number' : 'text';
			$min  = isset( $record['min'] ) ? ' min="' . (int) $record['min'] . '"' : '';
			$max  = isset( $record['max'] ) ? ' max="' . (int) $record['max'] . '"' : '';
			echo '<input type="' . esc_attr( $type ) . '" id="' . esc_attr( $id ) . '" name="' . esc_attr( $field ) . '" value="' . esc_attr( $value ) . '"' . $min . $max . ' class="regular-text">'; // phpcs:ignore WordPress.Security.EscapeOutput -- $min/$max are integers.
		}
		$default = isset( $record['default'] ) ? (string) $record['default'] : ( isset( $record['defaultText'] ) ? (string) $record['defaultText'] : '' );
		echo '<p class="description">' . esc_html( isset( $record['description'] ) ? (string) $record['description'] : '' );
		if ( '' !== $default ) {
			/* translators: %s: the widget's default value */
			echo ' ' . esc_html( sprintf( __( 'Default: %s', 'kabar-news' ), $default ) );
		}
		echo '</p>';
	}
}
