<?php
/**
 * From what a webmaster wrote (shortcode attributes, block attributes, site defaults) to the
 * `<kabar-news>` element with its fallback headlines and reserved height.
 *
 * Resolving attributes is plain PHP; writing the HTML uses WordPress's escaping functions.
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || defined( 'KABAR_NEWS_TESTING' ) || exit;

/** Builds one widget's element. */
final class Kabar_News_Widget {

	/**
	 * The contract.
	 *
	 * @var Kabar_News_Contract
	 */
	private $contract;

	/**
	 * A widget builder for this contract.
	 *
	 * @param Kabar_News_Contract $contract The contract.
	 */
	public function __construct( Kabar_News_Contract $contract ) {
		$this->contract = $contract;
	}

	/**
	 * Merges the site defaults and the given attributes into the attributes to write.
	 *
	 * `category` means the site's own category (a slug) when there is no feed, and the widget's
	 * category filter when there is one.
	 *
	 * @param array<string|int, mixed> $given    Attribute name → value (shortcode or block).
	 * @param array<string, mixed>     $defaults Site-wide defaults from the settings.
	 * @return array{attributes: array<string, string>, unknown: string[], invalid: string[], site_category: string|null}
	 */
	public function resolve( array $given, array $defaults ) {
		$unknown = array();
		$invalid = array();
		$values  = array();
		foreach ( $defaults as $name => $value ) {
			$normal = $this->contract->normalise( (string) $name, $value );
			if ( null !== $normal ) {
				$values[ (string) $name ] = $normal;
			}
		}
		foreach ( $given as $name => $value ) {
			if ( is_int( $name ) ) {
				// A bare word in a shortcode, `[kabar_news search]`: a boolean switched on.
				$name  = strtolower( (string) $value );
				$value = 'true';
			}
			$name = strtolower( (string) $name );
			if ( null === $this->contract->get( $name ) ) {
				$unknown[] = $name;
				continue;
			}
			if ( is_string( $value ) && '' === trim( $value ) && 'boolean' !== $this->contract->get( $name )['kind'] ) {
				continue;
			}
			$normal = $this->contract->normalise( $name, $value );
			if ( null === $normal ) {
				$invalid[] = $name;
				// The widget warns about it in the console and uses its default.
				$normal = is_scalar( $value ) ? trim( (string) $value ) : null;
			}
			if ( null !== $normal && '' !== $normal ) {
				$values[ $name ] = $normal;
			}
		}
		$site_category = null;
		if ( empty( $values['feed'] ) && isset( $values['category'] ) ) {
			$site_category = $values['category'];
			unset( $values['category'] );
		}
		foreach ( $values as $name => $value ) {
			if ( 'boolean' === $this->contract->get( $name )['kind'] ) {
				if ( 'false' === $value ) {
					unset( $values[ $name ] );
				} else {
					$values[ $name ] = '';
				}
			}
		}
		return array(
			'attributes'    => $values,
			'unknown'       => array_values( array_unique( $unknown ) ),
			'invalid'       => array_values( array_unique( $invalid ) ),
			'site_category' => $site_category,
		);
	}

	/**
	 * Each feed URL on the allowlist and on another origin goes through the relay.
	 *
	 * @param string               $feeds       White-space separated feed URLs.
	 * @param string               $site_origin `scheme://host[:port]` of this site.
	 * @param Kabar_News_Allowlist $allowlist   The relay allowlist.
	 * @param callable             $relay_url   URL → the relay's URL for it.
	 * @return string
	 */
	public static function relay_feeds( $feeds, $site_origin, Kabar_News_Allowlist $allowlist, callable $relay_url ) {
		$out = array();
		foreach ( preg_split( '/\s+/', (string) $feeds, -1, PREG_SPLIT_NO_EMPTY ) as $url ) {
			if ( $allowlist->allows_url( $url ) && self::origin_of( $url ) !== strtolower( $site_origin ) ) {
				$url = $relay_url( $url );
			}
			$out[] = $url;
		}
		return implode( ' ', $out );
	}

	/**
	 * `scheme://host[:port]` of an absolute URL, lower case, default port dropped; '' for a path.
	 *
	 * @param string $url URL.
	 * @return string
	 */
	public static function origin_of( $url ) {
		$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return '';
		}
		$scheme  = strtolower( $parts['scheme'] );
		$default = 'https' === $scheme ? 443 : 80;
		$port    = isset( $parts['port'] ) && (int) $parts['port'] !== $default ? ':' . (int) $parts['port'] : '';
		return $scheme . '://' . strtolower( $parts['host'] ) . $port;
	}

	/**
	 * The placeholder geometry the loader draws (src/web/loader.js `skeleton()`), read from the
	 * same attributes the same way, so the fallback takes the height the placeholders will.
	 *
	 * @param array<string, string> $attributes Resolved attributes.
	 * @return array{layout: string, count: int, media: bool, theme: string, heading: string, heading_level: int}
	 */
	public function placeholder_plan( array $attributes ) {
		$keyword = function ( $name ) use ( $attributes ) {
			$choices = $this->contract->keywords( $name );
			$value   = isset( $attributes[ $name ] ) ? strtolower( trim( $attributes[ $name ] ) ) : '';
			return in_array( $value, $choices, true ) ? $value : ( $choices ? $choices[0] : '' );
		};
		$layout = $keyword( 'layout' );
		$limit  = isset( $attributes['limit'] ) && preg_match( '/^\s*\d+\s*$/', $attributes['limit'] ) && (int) $attributes['limit'] >= 1
			? min( (int) $attributes['limit'], 100 ) : 6;
		$show   = isset( $attributes['show'] ) ? array_map( 'trim', explode( ',', strtolower( $attributes['show'] ) ) ) : null;
		$media  = 'compact' !== $layout && 'ticker' !== $layout && ( null === $show || in_array( 'image', $show, true ) );
		$level  = isset( $attributes['heading-level'] ) && preg_match( '/^[2-6]$/', trim( $attributes['heading-level'] ) ) ? (int) $attributes['heading-level'] : 3;
		return array(
			'layout'        => $layout,
			'count'         => 'ticker' === $layout ? 1 : $limit,
			'media'         => $media,
			'theme'         => $keyword( 'theme' ),
			'heading'       => isset( $attributes['heading'] ) ? trim( $attributes['heading'] ) : '',
			'heading_level' => max( $level - 1, 2 ),
		);
	}

	/**
	 * The element: attributes escaped, fallback headlines inside, padded with empty placeholders
	 * up to the number of cards, and a comment naming attributes that were ignored.
	 *
	 * @param array<string, string>                                          $attributes Resolved attributes.
	 * @param array<int, array{title: string, url: string, date: string, datetime: string}> $headlines  Latest posts, newest first.
	 * @param string[]                                                       $unknown    Attribute names ignored.
	 * @return string
	 */
	public function html( array $attributes, array $headlines, array $unknown ) {
		$plan = $this->placeholder_plan( $attributes );
		$out  = '';
		if ( $unknown ) {
			// Names only; "--" cannot occur (names are [\w-]+ but double hyphens are collapsed).
			$names = preg_replace( '/-{2,}/', '-', implode( ', ', array_map( 'sanitize_key', $unknown ) ) );
			$out  .= '<!-- ' . esc_html(
				sprintf(
					/* translators: %s: attribute names */
					__( 'Kabar News ignored unknown attributes: %s', 'kabar-news' ),
					$names
				)
			) . " -->\n";
		}
		$out .= '<kabar-news';
		foreach ( $attributes as $name => $value ) {
			$record = $this->contract->get( $name );
			if ( null === $record ) {
				continue;
			}
			$out .= ' ' . esc_attr( $name );
			if ( '' === $value && 'boolean' === $record['kind'] ) {
				continue;
			}
			if ( 'url' === $record['kind'] || 'urls' === $record['kind'] ) {
				$urls  = array_map( 'esc_url', preg_split( '/\s+/', $value, -1, PREG_SPLIT_NO_EMPTY ) );
				$value = implode( ' ', array_filter( $urls ) );
				$out  .= '="' . esc_attr( $value ) . '"';
			} else {
				$out .= '="' . esc_attr( $value ) . '"';
			}
		}
		$classes = array( 'kabar-news-fallback', 'kabar-news-fallback--' . $plan['layout'] );
		if ( $plan['media'] ) {
			$classes[] = 'kabar-news-fallback--media';
		}
		$out .= '><div class="' . esc_attr( implode( ' ', $classes ) ) . '">';
		if ( '' !== $plan['heading'] ) {
			$tag  = 'h' . $plan['heading_level'];
			$out .= '<' . $tag . ' class="kabar-news-fallback__heading">' . esc_html( $plan['heading'] ) . '</' . $tag . '>';
		}
		$out  .= '<ul>';
		$shown = 0;
		foreach ( array_slice( $headlines, 0, $plan['count'] ) as $headline ) {
			$out .= '<li><a href="' . esc_url( $headline['url'] ) . '">' . esc_html( $headline['title'] ) . '</a> '
				. '<time datetime="' . esc_attr( $headline['datetime'] ) . '">' . esc_html( $headline['date'] ) . '</time></li>';
			++$shown;
		}
		for ( ; $shown < $plan['count']; $shown++ ) {
			$out .= '<li class="kabar-news-fallback__pad" aria-hidden="true"></li>';
		}
		$out .= '</ul></div></kabar-news>';
		return $out;
	}
}
