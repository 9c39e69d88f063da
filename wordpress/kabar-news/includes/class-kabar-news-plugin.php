<?php
/**
 * WordPress glue: the script, the shortcode, the block, the relay, the settings, translations.
 *
 * @package kabar-news
 */

defined( 'ABSPATH' ) || exit;

/** Wires the plugin's parts into WordPress. */
final class Kabar_News_Plugin {

	/** Script handle of the widget. */
	const SCRIPT = 'kabar-news';
	/** Script handle of the block's editor script (WordPress names it from block.json). */
	const EDITOR_SCRIPT = 'kabar-news-editor-script';
	/** Style handle of the reserved-height stylesheet. */
	const FALLBACK_STYLE = 'kabar-news-fallback';
	/** Shortcode tag. */
	const SHORTCODE = 'kabar_news';

	/**
	 * The contract, read once per request.
	 *
	 * @var Kabar_News_Contract|null
	 */
	private static $contract = null;

	/**
	 * Whether the fallback stylesheet was printed on this page.
	 *
	 * @var bool
	 */
	private static $printed_css = false;

	/** Hooks everything. */
	public static function boot() {
		add_action( 'init', array( __CLASS__, 'init' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'defer_tag' ), 10, 2 );
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue_fallback_style' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_assets' ) );
		add_filter( 'load_script_translation_file', array( __CLASS__, 'editor_translations' ), 10, 3 );
		add_filter( 'plugin_action_links_' . plugin_basename( KABAR_NEWS_FILE ), array( __CLASS__, 'action_links' ) );
		Kabar_News_Relay::register();
		Kabar_News_Settings::register();
	}

	/**
	 * The contract from assets/contract.json.
	 *
	 * @return Kabar_News_Contract
	 */
	public static function contract() {
		if ( null === self::$contract ) {
			try {
				self::$contract = Kabar_News_Contract::from_file( KABAR_NEWS_DIR . '/assets/contract.json' );
			} catch ( RuntimeException $e ) {
				// A copy of the source folder without the built assets: say so, never break the site.
				self::$contract = Kabar_News_Contract::from_json( '{"attributes":[]}' );
				$message        = $e->getMessage();
				add_action(
					'admin_notices',
					static function () use ( $message ) {
						echo '<div class="notice notice-error"><p>' . esc_html( $message ) . '</p></div>';
					}
				);
			}
		}
		return self::$contract;
	}

	/**
	 * The option, every key present.
	 *
	 * @return array{defaults: array<string, string>, relay_hosts: string[], relay_cache_minutes: int}
	 */
	public static function settings() {
		return Kabar_News_Settings::with_defaults( get_option( Kabar_News_Settings::OPTION ) );
	}

	/** Translations, the script, the shortcode and the block. */
	public static function init() {
		load_plugin_textdomain( 'kabar-news', false, dirname( plugin_basename( KABAR_NEWS_FILE ) ) . '/languages' );
		$args = version_compare( get_bloginfo( 'version' ), '6.3', '>=' )
			? array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
			: true;
		wp_register_script( self::SCRIPT, plugins_url( 'assets/kabar.js', KABAR_NEWS_FILE ), array(), KABAR_NEWS_VERSION, $args );
		add_shortcode( self::SHORTCODE, array( __CLASS__, 'shortcode' ) );
		register_block_type(
			KABAR_NEWS_DIR . '/block',
			array( 'attributes' => self::block_attributes() )
		);
		wp_set_script_translations( self::EDITOR_SCRIPT, 'kabar-news', KABAR_NEWS_DIR . '/languages' );
	}

	/**
	 * Before 6.3 WordPress has no loading strategies: add `defer` to the widget's tag itself.
	 *
	 * @param string $tag    The script tag.
	 * @param string $handle Its handle.
	 * @return string
	 */
	public static function defer_tag( $tag, $handle ) {
		if ( self::SCRIPT !== $handle || false !== strpos( $tag, ' defer' ) ) {
			return $tag;
		}
		// Only the tag that loads the file (not an inline script printed with it).
		return (string) preg_replace( '/<script (?=[^>]*\bsrc=)/', '<script defer ', $tag, 1 );
	}

	/**
	 * The editor script's translations are in languages/kabar-news-<locale>-editor.json (written
	 * by `cargo xtask wordpress` from the .po), not under WordPress's hashed file name.
	 *
	 * @param string|false $file   File WordPress would read.
	 * @param string       $handle Script handle.
	 * @param string       $domain Text domain.
	 * @return string|false
	 */
	public static function editor_translations( $file, $handle, $domain ) {
		if ( 'kabar-news' !== $domain || self::EDITOR_SCRIPT !== $handle ) {
			return $file;
		}
		$ours = KABAR_NEWS_DIR . '/languages/kabar-news-' . determine_locale() . '-editor.json';
		return is_readable( $ours ) ? $ours : $file;
	}

	/**
	 * A link to the settings on the Plugins screen.
	 *
	 * @param string[] $links Links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$links[] = '<a href="' . esc_url( admin_url( 'options-general.php?page=' . Kabar_News_Settings::PAGE ) ) . '">' . esc_html__( 'Settings', 'kabar-news' ) . '</a>';
		return $links;
	}

	/**
	 * The block's attributes, from the contract: each widget attribute under its camelCase option
	 * name (strings, booleans as booleans, numbers as integers); `feeds` (a list of URLs) in place
	 * of `feed`; `category` is the site's own category (a slug) and the widget's category filter
	 * is `categoryFilter`.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function block_attributes() {
		$attributes = array(
			'feeds'    => array(
				'type'    => 'array',
				'items'   => array( 'type' => 'string' ),
				'default' => array(),
			),
			'category' => array(
				'type'    => 'string',
				'default' => '',
			),
		);
		foreach ( self::contract()->widget_attributes() as $name => $record ) {
			if ( 'feed' === $name ) {
				continue;
			}
			$types = array(
				'boolean' => 'boolean',
				'number'  => 'integer',
			);
			$attributes[ self::block_name( $name ) ] = array(
				'type' => isset( $types[ $record['kind'] ] ) ? $types[ $record['kind'] ] : 'string',
			);
		}
		return $attributes;
	}

	/**
	 * The block attribute holding a widget attribute.
	 *
	 * @param string $name Widget attribute.
	 * @return string
	 */
	public static function block_name( $name ) {
		return 'category' === $name ? 'categoryFilter' : Kabar_News_Contract::camel_case( $name );
	}

	/**
	 * The block's attributes as widget attributes.
	 *
	 * @param array<string, mixed> $block Block attributes.
	 * @return array<string, mixed>
	 */
	public static function widget_attributes_of_block( array $block ) {
		$given = array();
		$feeds = isset( $block['feeds'] ) && is_array( $block['feeds'] ) ? array_filter( array_map( 'trim', array_filter( $block['feeds'], 'is_string' ) ) ) : array();
		if ( $feeds ) {
			$given['feed'] = implode( ' ', $feeds );
		}
		foreach ( self::contract()->widget_attributes() as $name => $record ) {
			$key = self::block_name( $name );
			if ( 'feed' === $name || ! isset( $block[ $key ] ) || '' === $block[ $key ] ) {
				continue;
			}
			if ( 'boolean' === $record['kind'] && false === $block[ $key ] ) {
				continue;
			}
			$given[ $name ] = $block[ $key ];
		}
		if ( ! $feeds && ! empty( $block['category'] ) && is_string( $block['category'] ) ) {
			$given['category'] = $block['category'];
		} elseif ( $feeds && isset( $block['categoryFilter'] ) ) {
			$given['category'] = $block['categoryFilter'];
		}
		return $given;
	}

	/**
	 * `[kabar_news …]`.
	 *
	 * @param array|string $atts Shortcode attributes.
	 * @return string
	 */
	public static function shortcode( $atts ) {
		return self::render( is_array( $atts ) ? $atts : array() );
	}

	/**
	 * The block's markup (block/render.php calls this).
	 *
	 * @param array<string, mixed> $block Block attributes.
	 * @return string
	 */
	public static function render_block( array $block ) {
		return '<div ' . get_block_wrapper_attributes() . '>' . self::render( self::widget_attributes_of_block( $block ) ) . '</div>';
	}

	/**
	 * One widget: the element with its fallback headlines, the script enqueued.
	 *
	 * @param array<string|int, mixed> $given Widget attribute → value.
	 * @return string
	 */
	public static function render( array $given ) {
		if ( null === self::contract()->get( 'feed' ) ) {
			return '<!-- ' . esc_html__( 'Kabar News is not built: assets/contract.json is missing.', 'kabar-news' ) . ' -->';
		}
		$settings = self::settings();
		$widget   = new Kabar_News_Widget( self::contract() );
		$resolved = $widget->resolve( $given, $settings['defaults'] );
		$attrs    = $resolved['attributes'];
		$headlines = array();
		if ( empty( $attrs['feed'] ) ) {
			$query = array( '_embed' => '1' );
			$term  = null;
			if ( null !== $resolved['site_category'] ) {
				$term = get_term_by( 'slug', sanitize_title( $resolved['site_category'] ), 'category' );
				if ( $term ) {
					$query['categories'] = (int) $term->term_id;
				}
			}
			$attrs = array( 'feed' => add_query_arg( $query, rest_url( 'wp/v2/posts' ) ) ) + $attrs;
			$plan  = $widget->placeholder_plan( $attrs );
			$headlines = self::headlines( $plan['count'], $term ? (int) $term->term_id : 0 );
		} else {
			$attrs['feed'] = Kabar_News_Widget::relay_feeds(
				$attrs['feed'],
				Kabar_News_Widget::origin_of( home_url( '/' ) ),
				new Kabar_News_Allowlist( $settings['relay_hosts'] ),
				array( 'Kabar_News_Relay', 'url_for' )
			);
		}
		wp_enqueue_script( self::SCRIPT );
		return self::fallback_style() . $widget->html( $attrs, $headlines, $resolved['unknown'] );
	}

	/**
	 * The reserved-height stylesheet: in the head when the page is known to need it before the
	 * head is printed (a block theme renders its template first; a post whose content has the
	 * block or shortcode is found by `enqueue_fallback_style`), else printed once before the first
	 * widget.
	 *
	 * @return string Markup to print before the element ('' when the head has it).
	 */
	private static function fallback_style() {
		if ( wp_style_is( self::FALLBACK_STYLE, 'done' ) || self::$printed_css ) {
			return '';
		}
		if ( ! did_action( 'wp_head' ) ) {
			self::register_fallback_style();
			wp_enqueue_style( self::FALLBACK_STYLE );
			return '';
		}
		self::$printed_css = true;
		return '<style id="' . esc_attr( self::FALLBACK_STYLE ) . '-css">' . self::fallback_css() . '</style>';
	}

	/** The stylesheet's text, from assets/fallback.css. */
	private static function fallback_css() {
		$path = KABAR_NEWS_DIR . '/assets/fallback.css';
		$text = is_readable( $path ) ? (string) file_get_contents( $path ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions
		return wp_strip_all_tags( $text );
	}

	/** Registers the stylesheet as an inline style (no extra request). */
	private static function register_fallback_style() {
		if ( ! wp_style_is( self::FALLBACK_STYLE, 'registered' ) ) {
			wp_register_style( self::FALLBACK_STYLE, false, array(), KABAR_NEWS_VERSION );
			wp_add_inline_style( self::FALLBACK_STYLE, self::fallback_css() );
		}
	}

	/** In a classic theme, a singular page whose content has the block or shortcode gets the style in its head. */
	public static function enqueue_fallback_style() {
		$post = is_singular() ? get_queried_object() : null;
		if ( $post instanceof WP_Post && ( has_block( 'kabar/news', $post ) || has_shortcode( $post->post_content, self::SHORTCODE ) ) ) {
			self::register_fallback_style();
			wp_enqueue_style( self::FALLBACK_STYLE );
		}
	}

	/**
	 * The latest published posts, as the widget's REST feed will list them.
	 *
	 * @param int $count       How many.
	 * @param int $category_id A category, or 0 for all.
	 * @return array<int, array{title: string, url: string, date: string, datetime: string}>
	 */
	private static function headlines( $count, $category_id ) {
		$args = array(
			'numberposts'      => max( 1, (int) $count ),
			'post_type'        => 'post',
			'post_status'      => 'publish',
			'suppress_filters' => false,
		);
		if ( $category_id ) {
			$args['category'] = $category_id;
		}
		$out = array();
		foreach ( get_posts( $args ) as $post ) {
			$out[] = array(
				'title'    => wp_strip_all_tags( get_the_title( $post ) ),
				'url'      => (string) get_permalink( $post ),
				'date'     => (string) get_the_date( '', $post ),
				'datetime' => (string) get_the_date( 'c', $post ),
			);
		}
		return $out;
	}

	/** The editor's script gets the contract, the widget and what zero config needs. */
	public static function editor_assets() {
		wp_enqueue_script( self::SCRIPT );
		$contract = self::contract();
		$settings = self::settings();
		$controls = array();
		foreach ( $contract->widget_attributes() as $name => $record ) {
			$controls[] = array(
				'name'        => $name,
				'attribute'   => self::block_name( $name ),
				'kind'        => $record['kind'],
				'keywords'    => $contract->keywords( $name ),
				'min'         => isset( $record['min'] ) ? (int) $record['min'] : null,
				'max'         => isset( $record['max'] ) ? (int) $record['max'] : null,
				'default'     => isset( $record['default'] ) ? $record['default'] : null,
				'defaultText' => isset( $record['defaultText'] ) ? $record['defaultText'] : null,
				'description' => isset( $record['description'] ) ? $record['description'] : '',
			);
		}
		$data = array(
			'controls'    => $controls,
			'siteDefaults' => (object) $settings['defaults'],
			'postsUrl'    => rest_url( 'wp/v2/posts' ),
			'relayUrl'    => rest_url( Kabar_News_Relay::NAMESPACE_NAME . Kabar_News_Relay::ROUTE ),
			'relayHosts'  => $settings['relay_hosts'],
			'siteOrigin'  => Kabar_News_Widget::origin_of( home_url( '/' ) ),
		);
		wp_add_inline_script( self::EDITOR_SCRIPT, 'window.kabarNewsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}
}
