<?php
/**
 * Sanitising the option kabar_news_settings.
 *
 * @package kabar-news
 */

use PHPUnit\Framework\TestCase;

/** Kabar_News_Settings::sanitise. */
final class SettingsTest extends TestCase {

	private function sanitise( $input ) {
		return Kabar_News_Settings::sanitise( $input, kabar_news_test_contract() );
	}

	public function test_defaults_keep_only_contract_attributes_with_valid_values() {
		list( $clean, $refused ) = $this->sanitise(
			array(
				'defaults' => array(
					'layout'   => 'LIST',
					'limit'    => '9',
					'theme'    => 'purple',
					'onclick'  => 'alert(1)',
					'heading'  => '<b>Berita</b> terbaru',
					'show'     => 'image,date',
					'search'   => 'true',
					'columns'  => '99',
					'feed'     => 'https://example.go.id/feed/',
					'accent'   => '',
				),
			)
		);
		$this->assertSame( 'list', $clean['defaults']['layout'] );
		$this->assertSame( '9', $clean['defaults']['limit'] );
		$this->assertSame( 'Berita terbaru', $clean['defaults']['heading'] );
		$this->assertSame( 'image,date', $clean['defaults']['show'] );
		$this->assertSame( 'true', $clean['defaults']['search'] );
		$this->assertArrayNotHasKey( 'theme', $clean['defaults'] );
		$this->assertArrayNotHasKey( 'onclick', $clean['defaults'] );
		$this->assertArrayNotHasKey( 'columns', $clean['defaults'] );
		$this->assertArrayNotHasKey( 'feed', $clean['defaults'], 'a site-wide feed would hide the zero-config default' );
		$this->assertArrayNotHasKey( 'accent', $clean['defaults'] );
		$this->assertContains( 'theme', $refused );
		$this->assertContains( 'columns', $refused );
	}

	public function test_hosts_come_from_textarea_lines() {
		list( $clean, $refused ) = $this->sanitise(
			array( 'relay_hosts' => "berita.example.go.id\r\n\r\nhttps://Portal.Example.go.id/feed/\nlocalhost:8089\nbad host\nberita.example.go.id\n*.evil.com" )
		);
		$this->assertSame( array( 'berita.example.go.id', 'portal.example.go.id', 'localhost:8089' ), $clean['relay_hosts'] );
		$this->assertSame( array( 'bad host', '*.evil.com' ), $refused );
	}

	public function test_cache_minutes_are_clamped_and_default_to_ten() {
		$this->assertSame( 10, $this->sanitise( array() )[0]['relay_cache_minutes'] );
		$this->assertSame( 0, $this->sanitise( array( 'relay_cache_minutes' => '0' ) )[0]['relay_cache_minutes'] );
		$this->assertSame( 1440, $this->sanitise( array( 'relay_cache_minutes' => '100000' ) )[0]['relay_cache_minutes'] );
		list( $clean, $refused ) = $this->sanitise( array( 'relay_cache_minutes' => '-5' ) );
		$this->assertSame( 10, $clean['relay_cache_minutes'] );
		$this->assertSame( array( 'relay_cache_minutes' ), $refused );
	}

	public function test_anything_not_an_array_becomes_the_empty_option() {
		foreach ( array( null, 'x', 5, array( 'defaults' => 'x', 'relay_hosts' => 7 ) ) as $input ) {
			list( $clean ) = $this->sanitise( $input );
			$this->assertSame(
				array(
					'defaults'            => array(),
					'relay_hosts'         => array(),
					'relay_cache_minutes' => 10,
				),
				$clean
			);
		}
	}
}
