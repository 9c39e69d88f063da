<?php
/**
 * The widget's public contract (attributes, kinds, keywords, ranges, defaults), read from
 * assets/contract.json, which `cargo xtask wordpress` copies from the widget's dist/. Every list
 * of attributes in this plugin (shortcode, block, settings, editor controls) comes from here.
 *
 * Plain PHP: no WordPress function is called, so the tests load it without WordPress.
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || defined( 'KABAR_NEWS_TESTING' ) || exit;

/** The attributes of `<kabar-news>` as the widget's contract table lists them. */
final class Kabar_News_Contract {

	/**
	 * Attribute records by name: name, option (camelCase), kind, keywords, min, max, default.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private $attributes = array();

	/**
	 * The contract read from a contract.json file.
	 *
	 * @param string $path Path of contract.json.
	 * @return self
	 * @throws RuntimeException When the file is missing or not the contract.
	 */
	public static function from_file( $path ) {
		$text = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( false === $text ) {
			throw new RuntimeException( 'Kabar News: ' . $path . ' is missing; build the plugin with `cargo xtask wordpress`.' );
		}
		return self::from_json( $text );
	}

	/**
	 * The contract from contract.json's text.
	 *
	 * @param string $json The file's text.
	 * @return self
	 * @throws RuntimeException When the text is not the contract.
	 */
	public static function from_json( $json ) {
		$data = json_decode( $json, true );
		if ( ! is_array( $data ) || ! isset( $data['attributes'] ) || ! is_array( $data['attributes'] ) ) {
			throw new RuntimeException( 'Kabar News: contract.json has no attribute list.' );
		}
		$contract = new self();
		foreach ( $data['attributes'] as $record ) {
			if ( is_array( $record ) && isset( $record['name'], $record['kind'] ) ) {
				$contract->attributes[ (string) $record['name'] ] = $record;
			}
		}
		// The visible strings' own attributes (text-read-more, …): plain text each.
		foreach ( isset( $data['strings'] ) && is_array( $data['strings'] ) ? $data['strings'] : array() as $string ) {
			if ( is_array( $string ) && isset( $string['attribute'] ) ) {
				$name                          = (string) $string['attribute'];
				$contract->attributes[ $name ] = array(
					'name'        => $name,
					'option'      => self::camel_case( $name ),
					'kind'        => 'text',
					'string'      => true,
					'description' => isset( $string['en'] ) ? 'Text: ' . $string['en'] : '',
				);
			}
		}
		return $contract;
	}

	/**
	 * Every attribute record, keyed by attribute name, in the contract's order.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function attributes() {
		return $this->attributes;
	}

	/**
	 * The attributes a webmaster sets (not the per-string `text-…` overrides).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function widget_attributes() {
		return array_filter(
			$this->attributes,
			static function ( $record ) {
				return empty( $record['string'] );
			}
		);
	}

	/**
	 * One attribute's record, or null.
	 *
	 * @param string $name Attribute name.
	 * @return array<string, mixed>|null
	 */
	public function get( $name ) {
		return isset( $this->attributes[ $name ] ) ? $this->attributes[ $name ] : null;
	}

	/**
	 * The keyword choices of a keyword or parts attribute (empty for other kinds).
	 *
	 * @param string $name Attribute name.
	 * @return string[]
	 */
	public function keywords( $name ) {
		$record = $this->get( $name );
		return $record && isset( $record['keywords'] ) && is_array( $record['keywords'] ) ? array_map( 'strval', $record['keywords'] ) : array();
	}

	/**
	 * The contract's default of an attribute as a string, or null when it has none in words.
	 *
	 * @param string $name Attribute name.
	 * @return string|null
	 */
	public function default_value( $name ) {
		$record = $this->get( $name );
		return $record && isset( $record['default'] ) ? (string) $record['default'] : null;
	}

	/**
	 * `min-card-width` → `minCardWidth`.
	 *
	 * @param string $name Attribute name.
	 * @return string
	 */
	public static function camel_case( $name ) {
		return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
	}

	/**
	 * Checks a value against an attribute's kind: the value to write, or null when the widget
	 * would refuse it (and fall back to its default with a console warning).
	 *
	 * @param string $name  Attribute name.
	 * @param mixed  $value Value from a shortcode, a block or the settings.
	 * @return string|null
	 */
	public function normalise( $name, $value ) {
		$record = $this->get( $name );
		if ( null === $record || is_array( $value ) || is_object( $value ) ) {
			return null;
		}
		if ( is_bool( $value ) ) {
			$value = $value ? 'true' : 'false';
		}
		$text = trim( preg_replace( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', '', (string) $value ) );
		switch ( $record['kind'] ) {
			case 'keyword':
				$text = strtolower( $text );
				return in_array( $text, $this->keywords( $name ), true ) ? $text : null;
			case 'parts':
				$parts = array_filter( array_map( 'trim', explode( ',', strtolower( $text ) ) ), 'strlen' );
				$known = array_values( array_intersect( $parts, $this->keywords( $name ) ) );
				return count( $known ) === count( $parts ) ? implode( ',', array_unique( $known ) ) : null;
			case 'number':
				if ( ! preg_match( '/^\d{1,9}$/', $text ) ) {
					return null;
				}
				$number = (int) $text;
				$min    = isset( $record['min'] ) ? (int) $record['min'] : 0;
				$max    = isset( $record['max'] ) ? (int) $record['max'] : PHP_INT_MAX;
				return ( $number >= $min && $number <= $max ) || ( $number > $max && 'limit' === $name ) ? (string) $number : null;
			case 'boolean':
				return in_array( strtolower( $text ), array( 'false', '0', 'no', 'off' ), true ) ? 'false' : 'true';
			case 'url':
			case 'urls':
				// Several feeds may be given (kind `urls`), separated by white space; each must be http(s) or a path.
				$urls = preg_split( '/\s+/', $text, -1, PREG_SPLIT_NO_EMPTY );
				if ( count( $urls ) > 1 && 'urls' !== $record['kind'] ) {
					return null;
				}
				foreach ( $urls as $url ) {
					if ( ! self::is_feed_url( $url ) ) {
						return null;
					}
				}
				return '' === $text ? null : implode( ' ', $urls );
			default:
				return '' === $text ? null : $text;
		}
	}

	/**
	 * An absolute http(s) URL or a path on this site (no other scheme, no `//host`).
	 *
	 * @param string $url Candidate.
	 * @return bool
	 */
	public static function is_feed_url( $url ) {
		if ( preg_match( '#^https?://[^/\s?\#]+#i', $url ) ) {
			return false !== parse_url( $url ) && ! preg_match( '/["<>\\\\`\s]/', $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
		return (bool) preg_match( '#^(/(?!/)|\./|\.\./|\?)#', $url ) && ! preg_match( '/["<>\\\\`\s]/', $url );
	}
}
