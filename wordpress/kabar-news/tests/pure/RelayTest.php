<?php
/**
 * What the relay accepts as a feed.
 *
 * @package kabar-news
 */

use PHPUnit\Framework\TestCase;

/** Kabar_News_Relay::is_feed. */
final class RelayTest extends TestCase {

	public function test_feed_types_are_accepted_with_their_charset() {
		$rss = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel></channel></rss>';
		$this->assertTrue( Kabar_News_Relay::is_feed( 'application/rss+xml; charset=ISO-8859-1', $rss ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'text/xml', $rss ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'application/xml', "\xEF\xBB\xBF" . $rss ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'application/feed+json', '{"version":"https://jsonfeed.org/version/1.1","items":[]}' ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'application/json; charset=UTF-8', '[{"id":1}]' ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'application/atom+xml', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>' ) );
	}

	public function test_plain_text_must_sniff_as_a_feed() {
		$this->assertTrue( Kabar_News_Relay::is_feed( 'text/plain', "  <rss version=\"2.0\"></rss>" ) );
		$this->assertTrue( Kabar_News_Relay::is_feed( 'text/plain; charset=utf-8', '{"items":[]}' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( 'text/plain', 'Hello' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( '', '<!DOCTYPE html><html></html>' ) );
	}

	public function test_html_is_refused_whatever_it_claims() {
		$this->assertFalse( Kabar_News_Relay::is_feed( 'text/html; charset=UTF-8', '<rss></rss>' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( 'application/xml', '<!doctype html><html><body>Login</body></html>' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( 'text/plain', '<html><body></body></html>' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( 'image/png', '{}' ) );
		$this->assertFalse( Kabar_News_Relay::is_feed( 'application/javascript', '[1]' ) );
	}
}
