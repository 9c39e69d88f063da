<?php
/**
 * The relay allowlist: host names (or host:port pairs) the administrator trusts. Matching is
 * exact: `example.go.id` matches neither `example.go.id.evil.com` nor `evilexample.go.id`, and
 * `example.go.id` (no port) matches only the scheme's default port.
 *
 * Plain PHP: no WordPress function is called, so the tests load it without WordPress.
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || defined( 'KABAR_NEWS_TESTING' ) || exit;

/** Exact host[:port] matching of URLs against the administrator's list. */
final class Kabar_News_Allowlist {

	/**
	 * Normalised entries: `host` or `host:port`.
	 *
	 * @var string[]
	 */
	private $entries;

	/**
	 * An allowlist of already normalised entries (see `normalise_entry`).
	 *
	 * @param string[] $entries Entries.
	 */
	public function __construct( array $entries ) {
		$this->entries = array_values( array_filter( array_map( array( __CLASS__, 'normalise_entry' ), $entries ) ) );
	}

	/**
	 * The entries, normalised.
	 *
	 * @return string[]
	 */
	public function entries() {
		return $this->entries;
	}

	/**
	 * One line of the settings textarea as an entry (`host` or `host:port`, lower case), or null
	 * when it is not a host name. A pasted URL keeps its host and port only.
	 *
	 * @param mixed $line The administrator's line.
	 * @return string|null
	 */
	public static function normalise_entry( $line ) {
		if ( ! is_string( $line ) ) {
			return null;
		}
		$line = strtolower( trim( $line ) );
		if ( '' === $line ) {
			return null;
		}
		if ( preg_match( '#^https?://#', $line ) ) {
			$key = self::key_of_url( $line );
			return null === $key ? null : $key;
		}
		if ( ! preg_match( '/^([a-z0-9.-]+)(?::(\d{1,5}))?$/', $line, $match ) ) {
			return null;
		}
		$host = rtrim( $match[1], '.' );
		if ( ! self::is_host_name( $host ) ) {
			return null;
		}
		if ( isset( $match[2] ) && '' !== $match[2] ) {
			$port = (int) $match[2];
			if ( $port < 1 || $port > 65535 ) {
				return null;
			}
			return $host . ':' . $port;
		}
		return $host;
	}

	/**
	 * A DNS name or a dotted IPv4 address: labels of letters, digits and inner hyphens.
	 *
	 * @param string $host Lower-case host.
	 * @return bool
	 */
	private static function is_host_name( $host ) {
		if ( '' === $host || strlen( $host ) > 253 ) {
			return false;
		}
		foreach ( explode( '.', $host ) as $label ) {
			if ( ! preg_match( '/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/', $label ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a URL is matched by: `host` when its port is the scheme's default (or absent), else
	 * `host:port`; null for anything but an http(s) URL with a host.
	 *
	 * @param string $url URL.
	 * @return string|null
	 */
	public static function key_of_url( $url ) {
		if ( ! is_string( $url ) || preg_match( '/[\s\\\\]/', $url ) ) {
			return null;
		}
		$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( 'http' !== $scheme && 'https' !== $scheme ) {
			return null;
		}
		// user:pass@ is refused: it hides the real host from a reader of the URL.
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return null;
		}
		$host = rtrim( strtolower( $parts['host'] ), '.' );
		if ( ! self::is_host_name( $host ) ) {
			return null;
		}
		$default = 'https' === $scheme ? 443 : 80;
		$port    = isset( $parts['port'] ) ? (int) $parts['port'] : $default;
		return $port === $default ? $host : $host . ':' . $port;
	}

	/**
	 * Whether the URL's host (and port) is on the list, exactly.
	 *
	 * @param string $url URL.
	 * @return bool
	 */
	public function allows_url( $url ) {
		$key = self::key_of_url( $url );
		return null !== $key && in_array( $key, $this->entries, true );
	}

	/**
	 * Whether a host name and port appear together on the list (for WordPress's HTTP filters,
	 * which see the host and port separately).
	 *
	 * @param string $host Host.
	 * @param int    $port Port.
	 * @param string $scheme `http` or `https`.
	 * @return bool
	 */
	public function allows_host_port( $host, $port, $scheme = 'http' ) {
		$host    = rtrim( strtolower( (string) $host ), '.' );
		$default = 'https' === $scheme ? 443 : 80;
		$key     = ( (int) $port === $default ) ? $host : $host . ':' . (int) $port;
		return in_array( $key, $this->entries, true );
	}
}
