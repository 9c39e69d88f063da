<?php
/**
 * The relay: `GET /wp-json/kabar/v1/feed?url=…` fetches a feed server-side for hosts on the
 * allowlist only, with wp_safe_remote_get, a time limit, a 5 MB limit, a content-type check and
 * a transient cache. Never an open proxy.
 *
 * `classify` and `is_feed_body` are plain PHP (tested without WordPress).
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || defined( 'KABAR_NEWS_TESTING' ) || exit;

/** The relay route. */
final class Kabar_News_Relay {

	/** REST namespace. */
	const NAMESPACE_NAME = 'kabar/v1';
	/** REST route. */
	const ROUTE = '/feed';
	/** Largest body relayed: the widget's own limit. */
	const MAX_BYTES = 5242880;
	/** Redirects followed, each checked against the allowlist. */
	const MAX_REDIRECTS = 5;
	/** Transient name prefix (uninstall.php deletes every transient with it). */
	const TRANSIENT_PREFIX = 'kabar_news_relay_';
	/** Media types that are feeds. */
	const FEED_TYPES = array( 'text/xml', 'application/xml', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/json', 'application/feed+json' );

	/**
	 * The allowlist in force while the relay's own request runs (for the HTTP filters).
	 *
	 * @var Kabar_News_Allowlist|null
	 */
	private static $trusted = null;

	/** Hooks the route. */
	public static function register() {
		add_action( 'rest_api_init', array( __CLASS__, 'register_route' ) );
		add_filter( 'rest_pre_serve_request', array( __CLASS__, 'serve_body' ), 10, 4 );
	}

	/** The route. */
	public static function register_route() {
		register_rest_route(
			self::NAMESPACE_NAME,
			self::ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'handle' ),
				'permission_callback' => '__return_true',
				'args'                => array(
					'url' => array(
						'type'     => 'string',
						'required' => true,
					),
				),
			)
		);
	}

	/**
	 * The relay's URL for a feed URL.
	 *
	 * @param string $url Feed URL.
	 * @return string
	 */
	public static function url_for( $url ) {
		return add_query_arg( 'url', rawurlencode( $url ), rest_url( self::NAMESPACE_NAME . self::ROUTE ) );
	}

	/**
	 * The media type of a Content-Type header, lower case, without parameters.
	 *
	 * @param string $content_type Header value.
	 * @return string
	 */
	public static function media_type( $content_type ) {
		return strtolower( trim( explode( ';', (string) $content_type )[0] ) );
	}

	/**
	 * Whether a body looks like a feed: XML (not HTML) or a JSON object or array.
	 *
	 * @param string $body Body.
	 * @return bool
	 */
	public static function is_feed_body( $body ) {
		$start = ltrim( substr( (string) $body, 0, 2048 ), "\xEF\xBB\xBF \t\r\n" );
		if ( preg_match( '/^<(!doctype\s+html|html)\b/i', $start ) ) {
			return false;
		}
		if ( preg_match( '/^<\?xml\b/i', $start ) ) {
			return ! preg_match( '/<html\b/i', $start );
		}
		return (bool) preg_match( '/^(<(rss|feed|rdf:RDF)\b|[\{\[])/i', $start );
	}

	/**
	 * Whether an upstream answer of this Content-Type and body is relayed: a feed type (unless the
	 * body is HTML), or text/plain or no type when the body sniffs as a feed; never HTML.
	 *
	 * @param string $content_type Upstream Content-Type.
	 * @param string $body         Upstream body.
	 * @return bool
	 */
	public static function is_feed( $content_type, $body ) {
		$type = self::media_type( $content_type );
		if ( in_array( $type, self::FEED_TYPES, true ) || preg_match( '#^application/[a-z0-9.+-]*\+(xml|json)$#', $type ) ) {
			return ! preg_match( '/^<(!doctype\s+html|html)\b/i', ltrim( substr( (string) $body, 0, 512 ), "\xEF\xBB\xBF \t\r\n" ) );
		}
		if ( 'text/plain' === $type || '' === $type ) {
			return self::is_feed_body( $body );
		}
		return false;
	}

	/**
	 * A JSON error with its status.
	 *
	 * @param string $code    Error code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @return WP_Error
	 */
	private static function error( $code, $message, $status ) {
		return new WP_Error( $code, $message, array( 'status' => $status ) );
	}

	/**
	 * Answers one request.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function handle( $request ) {
		$url       = (string) $request->get_param( 'url' );
		$settings  = Kabar_News_Plugin::settings();
		$allowlist = new Kabar_News_Allowlist( $settings['relay_hosts'] );
		if ( ! $allowlist->allows_url( $url ) ) {
			return self::error(
				'kabar_relay_not_allowed',
				__( 'This feed\'s host is not on the relay allowlist. An administrator can add it under Settings → Kabar News → Relay allowlist.', 'kabar-news' ),
				403
			);
		}
		$key    = self::TRANSIENT_PREFIX . md5( $url );
		$minutes = (int) $settings['relay_cache_minutes'];
		$cached = $minutes > 0 ? get_transient( $key ) : false;
		if ( is_array( $cached ) && isset( $cached['body'], $cached['type'] ) ) {
			return self::success( $cached['body'], $cached['type'], 'hit' );
		}
		$fetched = self::fetch( $url, $allowlist );
		if ( is_wp_error( $fetched ) ) {
			return $fetched;
		}
		if ( $minutes > 0 ) {
			set_transient( $key, $fetched, $minutes * MINUTE_IN_SECONDS );
		}
		return self::success( $fetched['body'], $fetched['type'], 'miss' );
	}

	/**
	 * The relayed body with the upstream's Content-Type.
	 *
	 * @param string $body Body.
	 * @param string $type Content-Type, charset kept.
	 * @param string $cache `hit` or `miss`.
	 * @return WP_REST_Response
	 */
	private static function success( $body, $type, $cache ) {
		$response = new WP_REST_Response( $body, 200 );
		$response->header( 'Content-Type', '' !== $type ? $type : 'application/xml' );
		$response->header( 'X-Kabar-Relay', $cache );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		// An XML feed opened as a page on this site's origin must not run anything it carries.
		$response->header( 'Content-Security-Policy', "default-src 'none'; sandbox" );
		$response->header( 'Cache-Control', 'public, max-age=60' );
		return $response;
	}

	/**
	 * Fetches the feed, following redirects itself so that every hop is checked.
	 *
	 * @param string               $url       Allowlisted URL.
	 * @param Kabar_News_Allowlist $allowlist The allowlist.
	 * @return array{body: string, type: string}|WP_Error
	 */
	private static function fetch( $url, Kabar_News_Allowlist $allowlist ) {
		$timeout = (float) apply_filters( 'kabar_news_relay_timeout', 10 );
		self::$trusted = $allowlist;
		add_filter( 'http_request_host_is_external', array( __CLASS__, 'trust_host' ), 10, 3 );
		add_filter( 'http_allowed_safe_ports', array( __CLASS__, 'trust_port' ), 10, 3 );
		try {
			for ( $hop = 0; $hop <= self::MAX_REDIRECTS; $hop++ ) {
				// The same check wp_safe_remote_get makes, asked first so the answer does not
				// depend on the wording (or translation) of its error message.
				if ( ! wp_http_validate_url( $url ) ) {
					return self::error( 'kabar_relay_unsafe', __( 'WordPress refused to fetch this address (a private or local address, or an unusual port).', 'kabar-news' ), 502 );
				}
				$started  = microtime( true );
				$response = wp_safe_remote_get(
					$url,
					array(
						'timeout'             => $timeout,
						'redirection'         => 0,
						'limit_response_size' => self::MAX_BYTES + 1,
						'headers'             => array( 'Accept' => 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' ),
						'user-agent'          => 'Kabar News relay (WordPress; ' . home_url( '/' ) . ')',
					)
				);
				if ( is_wp_error( $response ) ) {
					$message = $response->get_error_message();
					if ( microtime( true ) - $started >= $timeout - 0.05 || preg_match( '/timed out|timeout|cURL error 28/i', $message ) ) {
						return self::error( 'kabar_relay_timeout', __( 'The feed\'s site did not answer in time.', 'kabar-news' ), 504 );
					}
					if ( preg_match( '/valid URL/i', $message ) ) {
						return self::error( 'kabar_relay_unsafe', __( 'WordPress refused to fetch this address (a private or local address, or an unusual port).', 'kabar-news' ), 502 );
					}
					return self::error( 'kabar_relay_upstream', __( 'The feed\'s site could not be reached.', 'kabar-news' ), 502 );
				}
				$status = (int) wp_remote_retrieve_response_code( $response );
				if ( $status >= 300 && $status < 400 ) {
					$location = (string) wp_remote_retrieve_header( $response, 'location' );
					$next     = '' !== $location ? WP_Http::make_absolute_url( $location, $url ) : '';
					if ( '' === $next || ! $allowlist->allows_url( $next ) ) {
						return self::error( 'kabar_relay_unsafe', __( 'The feed\'s site redirected to an address off the relay allowlist.', 'kabar-news' ), 502 );
					}
					$url = $next;
					continue;
				}
				if ( $status >= 400 ) {
					return self::error(
						'kabar_relay_upstream',
						/* translators: %d: HTTP status */
						sprintf( __( 'The feed\'s site answered with status %d.', 'kabar-news' ), $status ),
						$status < 600 ? $status : 502
					);
				}
				$body = (string) wp_remote_retrieve_body( $response );
				$size = (int) wp_remote_retrieve_header( $response, 'content-length' );
				if ( strlen( $body ) > self::MAX_BYTES || $size > self::MAX_BYTES ) {
					return self::error( 'kabar_relay_too_large', __( 'The feed is larger than 5 MB.', 'kabar-news' ), 502 );
				}
				$type = (string) wp_remote_retrieve_header( $response, 'content-type' );
				if ( ! self::is_feed( $type, $body ) ) {
					return self::error( 'kabar_relay_not_a_feed', __( 'The address answered with a page, not a feed.', 'kabar-news' ), 502 );
				}
				return array(
					'body' => $body,
					'type' => $type,
				);
			}
			return self::error( 'kabar_relay_upstream', __( 'The feed\'s site redirected too many times.', 'kabar-news' ), 502 );
		} finally {
			remove_filter( 'http_request_host_is_external', array( __CLASS__, 'trust_host' ), 10 );
			remove_filter( 'http_allowed_safe_ports', array( __CLASS__, 'trust_port' ), 10 );
			self::$trusted = null;
		}
	}

	/**
	 * `http_request_host_is_external`: true for an allowlisted host:port, during the relay's
	 * own request only.
	 *
	 * @param bool   $external Current answer.
	 * @param string $host     Host.
	 * @param string $url      URL.
	 * @return bool
	 */
	public static function trust_host( $external, $host, $url ) {
		return $external || ( null !== self::$trusted && self::$trusted->allows_url( $url ) );
	}

	/**
	 * `http_allowed_safe_ports`: adds the port of an allowlisted host:port.
	 *
	 * @param int[]  $ports Ports.
	 * @param string $host  Host.
	 * @param string $url   URL.
	 * @return int[]
	 */
	public static function trust_port( $ports, $host, $url ) {
		if ( null !== self::$trusted && self::$trusted->allows_url( $url ) ) {
			$port = wp_parse_url( $url, PHP_URL_PORT );
			if ( $port ) {
				$ports[] = (int) $port;
			}
		}
		return $ports;
	}

	/**
	 * Sends a relayed body as it is, instead of JSON.
	 *
	 * @param bool             $served  Whether the request was served already.
	 * @param WP_HTTP_Response $result  Result.
	 * @param WP_REST_Request  $request Request.
	 * @param WP_REST_Server   $server  Server.
	 * @return bool
	 */
	public static function serve_body( $served, $result, $request, $server ) {
		$headers = $result instanceof WP_HTTP_Response ? $result->get_headers() : array();
		if ( $served || '/' . self::NAMESPACE_NAME . self::ROUTE !== $request->get_route() || empty( $headers['X-Kabar-Relay'] ) ) {
			return $served;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput -- the feed, byte for byte, under its own Content-Type and nosniff.
		return true;
	}
}
