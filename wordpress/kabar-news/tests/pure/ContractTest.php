<?php
/**
 * The plugin's attribute list is the widget's contract.
 *
 * @package kabar-news
 */

use PHPUnit\Framework\TestCase;

/** Kabar_News_Contract and the attribute resolution built on it. */
final class ContractTest extends TestCase {

	public function test_the_contract_lists_the_widget_attributes_with_kinds() {
		$contract = kabar_news_test_contract();
		foreach ( array( 'feed', 'layout', 'limit', 'columns', 'lang', 'theme', 'accent', 'show', 'date', 'category', 'include', 'search', 'chips', 'reader', 'heading' ) as $name ) {
			$this->assertNotNull( $contract->get( $name ), $name );
		}
		$this->assertSame( 'keyword', $contract->get( 'layout' )['kind'] );
		$this->assertContains( 'grid', $contract->keywords( 'layout' ) );
		$this->assertSame( '6', $contract->default_value( 'limit' ) );
		$this->assertNotNull( $contract->get( 'text-read-more' ) );
		$this->assertArrayNotHasKey( 'text-read-more', $contract->widget_attributes() );
	}

	public function test_values_are_checked_by_kind() {
		$contract = kabar_news_test_contract();
		$this->assertSame( 'list', $contract->normalise( 'layout', ' List ' ) );
		$this->assertNull( $contract->normalise( 'layout', 'tiles' ) );
		$this->assertSame( '100', $contract->normalise( 'limit', '100' ) );
		$this->assertSame( '500', $contract->normalise( 'limit', '500' ), 'the widget lowers large limits itself' );
		$this->assertNull( $contract->normalise( 'limit', '0' ) );
		$this->assertNull( $contract->normalise( 'limit', '6; drop' ) );
		$this->assertSame( 'image,date', $contract->normalise( 'show', 'image, date' ) );
		$this->assertNull( $contract->normalise( 'show', 'image,script' ) );
		$this->assertSame( 'https://a.go.id/feed/ /feed.json', $contract->normalise( 'feed', " https://a.go.id/feed/\n /feed.json " ) );
		$this->assertNull( $contract->normalise( 'feed', 'javascript:alert(1)' ) );
		$this->assertNull( $contract->normalise( 'fallback-image', 'https://a.go.id/a.png https://a.go.id/b.png' ) );
		$this->assertSame( 'false', $contract->normalise( 'search', 'off' ) );
		$this->assertSame( 'true', $contract->normalise( 'search', '' ) );
		$this->assertNull( $contract->normalise( 'no-such', 'x' ) );
	}

	public function test_shortcode_attributes_resolve_with_site_defaults_and_unknown_names() {
		$widget   = new Kabar_News_Widget( kabar_news_test_contract() );
		$resolved = $widget->resolve(
			array(
				'layout'   => 'list',
				'category' => 'pengumuman',
				'bogus'    => 'x',
				0          => 'search',
				'chips'    => 'source',
			),
			array(
				'limit' => '9',
				'chips' => 'category',
			)
		);
		$this->assertSame( 'list', $resolved['attributes']['layout'] );
		$this->assertSame( '9', $resolved['attributes']['limit'] );
		$this->assertSame( '', $resolved['attributes']['search'] );
		$this->assertSame( 'source', $resolved['attributes']['chips'], 'the shortcode overrides the site default' );
		$this->assertArrayNotHasKey( 'category', $resolved['attributes'], 'with no feed, category picks the site category' );
		$this->assertSame( 'pengumuman', $resolved['site_category'] );
		$this->assertSame( array( 'bogus' ), $resolved['unknown'] );

		$with_feed = $widget->resolve( array( 'feed' => 'https://a.go.id/feed/', 'category' => 'Berita' ), array() );
		$this->assertSame( 'Berita', $with_feed['attributes']['category'] );
		$this->assertNull( $with_feed['site_category'] );
	}

	public function test_allowlisted_feeds_from_another_origin_go_through_the_relay() {
		$list  = new Kabar_News_Allowlist( array( 'portal.go.id', 'localhost:8089' ) );
		$relay = function ( $url ) {
			return 'https://site.go.id/wp-json/kabar/v1/feed?url=' . rawurlencode( $url );
		};
		$this->assertSame(
			'https://site.go.id/wp-json/kabar/v1/feed?url=' . rawurlencode( 'https://portal.go.id/feed/' ) . ' https://other.go.id/feed.json /feed.json',
			Kabar_News_Widget::relay_feeds( 'https://portal.go.id/feed/ https://other.go.id/feed.json /feed.json', 'https://site.go.id', $list, $relay )
		);
		$this->assertSame( 'https://portal.go.id/x', Kabar_News_Widget::relay_feeds( 'https://portal.go.id/x', 'https://portal.go.id', $list, $relay ), 'same origin needs no relay' );
	}

	public function test_the_placeholder_plan_reads_attributes_as_the_loader_does() {
		$widget = new Kabar_News_Widget( kabar_news_test_contract() );
		$plan   = $widget->placeholder_plan( array() );
		$this->assertSame( array( 'grid', 6, true ), array( $plan['layout'], $plan['count'], $plan['media'] ) );
		$plan = $widget->placeholder_plan( array( 'layout' => 'Compact', 'limit' => '300' ) );
		$this->assertSame( array( 'compact', 100, false ), array( $plan['layout'], $plan['count'], $plan['media'] ) );
		$plan = $widget->placeholder_plan( array( 'layout' => 'ticker', 'limit' => '4' ) );
		$this->assertSame( 1, $plan['count'] );
		$plan = $widget->placeholder_plan( array( 'show' => 'date,excerpt', 'limit' => 'x', 'heading' => 'Berita', 'heading-level' => '4' ) );
		$this->assertSame( array( 6, false, 3 ), array( $plan['count'], $plan['media'], $plan['heading_level'] ) );
	}
}
