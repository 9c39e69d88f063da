<?php
/**
 * The element's markup, written with WordPress's own esc_attr/esc_url/esc_html (a real WordPress
 * is loaded from KABAR_WP_LOAD): a hostile value never leaves its attribute.
 *
 * @package kabar-news
 */

use PHPUnit\Framework\TestCase;

/** Kabar_News_Widget::html and the shortcode. */
final class EscapingTest extends TestCase {

	const HOSTILE = array(
		'"><script>alert(1)</script>',
		"' onmouseover='alert(1)",
		'" onerror="alert(1)" x="',
		'</kabar-news><img src=x onerror=alert(1)>',
		"line\nbreak & <b>bold</b> --> <!--",
		'&quot; autofocus onfocus=alert(1) &quot;',
	);

	/**
	 * The element parsed back: its attributes, and every element in the markup.
	 *
	 * @param string $html Markup.
	 * @return array{0: array<string, string>, 1: string[]}
	 */
	private function parse( $html ) {
		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="UTF-8"><body>' . $html . '</body>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$widgets = $document->getElementsByTagName( 'kabar-news' );
		$this->assertSame( 1, $widgets->length, $html );
		$attributes = array();
		foreach ( $widgets->item( 0 )->attributes as $attribute ) {
			$attributes[ $attribute->name ] = $attribute->value;
		}
		$names = array();
		foreach ( $document->getElementsByTagName( '*' ) as $element ) {
			$names[] = $element->tagName;
		}
		return array( $attributes, $names );
	}

	public function test_a_hostile_text_value_stays_inside_its_attribute() {
		$widget = new Kabar_News_Widget( kabar_news_test_contract() );
		foreach ( self::HOSTILE as $value ) {
			foreach ( array( 'heading', 'accent', 'include', 'text-read-more', 'layout' ) as $name ) {
				$resolved = $widget->resolve( array( $name => $value ), array() );
				$html     = $widget->html( $resolved['attributes'], array(), $resolved['unknown'] );
				list( $attributes, $elements ) = $this->parse( $html );
				$this->assertSame( array( $name ), array_keys( $attributes ), $html );
				// esc_attr does not encode an entity twice: `&quot;` written stays `"` read.
				$this->assertSame( html_entity_decode( trim( $value ), ENT_QUOTES | ENT_HTML5 ), $attributes[ $name ], $name );
				$this->assertNotContains( 'script', $elements, $html );
				$this->assertNotContains( 'img', $elements, $html );
			}
		}
	}

	public function test_a_hostile_feed_url_cannot_leave_the_attribute_or_run() {
		$widget = new Kabar_News_Widget( kabar_news_test_contract() );
		foreach ( array( 'javascript:alert(1)', 'https://a.go.id/feed/"><script>alert(1)</script>', "https://a.go.id/x' onload='alert(1)" ) as $value ) {
			$resolved = $widget->resolve( array( 'feed' => $value ), array() );
			$html     = $widget->html( $resolved['attributes'], array(), array() );
			list( $attributes, $elements ) = $this->parse( $html );
			$this->assertSame( array( 'feed' ), array_keys( $attributes ), $html );
			$this->assertStringNotContainsString( 'javascript:', $attributes['feed'] );
			$this->assertStringNotContainsString( '"', $attributes['feed'] );
			$this->assertNotContains( 'script', $elements, $html );
		}
	}

	public function test_hostile_headlines_and_unknown_attribute_names_are_escaped() {
		$widget = new Kabar_News_Widget( kabar_news_test_contract() );
		$html   = $widget->html(
			array( 'feed' => '/wp-json/wp/v2/posts?_embed=1' ),
			array(
				array(
					'title'    => '<script>alert(1)</script> & more',
					'url'      => 'javascript:alert(1)',
					'date'     => '<b>1</b>',
					'datetime' => '" onload="x',
				),
			),
			array( 'on--><script>alert(1)</script>' )
		);
		list( , $elements ) = $this->parse( $html );
		$this->assertNotContains( 'script', $elements, $html );
		$this->assertNotContains( 'b', $elements, $html );
		$this->assertStringNotContainsString( 'javascript:', $html );
		$this->assertSame( 1, substr_count( $html, '-->' ), 'the comment closes once, where it should' );
		$this->assertStringContainsString( '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more', $html );
	}

	public function test_the_shortcode_escapes_and_names_unknown_attributes() {
		$this->assertTrue( shortcode_exists( 'kabar_news' ), 'the plugin must be active in the test site' );
		$html = do_shortcode( '[kabar_news heading=\'"><script>alert(1)</script>\' layout="list" colour="red"]' );
		$this->assertStringContainsString( '<!-- ', $html );
		$this->assertStringContainsString( 'colour', $html );
		list( $attributes, $elements ) = $this->parse( $html );
		$this->assertSame( '"><script>alert(1)</script>', $attributes['heading'] );
		$this->assertSame( 'list', $attributes['layout'] );
		$this->assertArrayNotHasKey( 'colour', $attributes );
		$this->assertStringContainsString( '/wp/v2/posts', $attributes['feed'] );
		$this->assertNotContains( 'script', array_diff( $elements, array() ), $html );
	}
}
