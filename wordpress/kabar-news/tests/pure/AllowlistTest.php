<?php
/**
 * Relay allowlist matching: exact host, exact port.
 *
 * @package kabar-news
 */

use PHPUnit\Framework\TestCase;

/** Kabar_News_Allowlist. */
final class AllowlistTest extends TestCase {

	public function test_a_host_matches_only_itself() {
		$list = new Kabar_News_Allowlist( array( 'example.go.id' ) );
		$this->assertTrue( $list->allows_url( 'https://example.go.id/feed/' ) );
		$this->assertTrue( $list->allows_url( 'http://EXAMPLE.go.id/wp-json/wp/v2/posts?_embed' ) );
		$this->assertTrue( $list->allows_url( 'https://example.go.id./feed/' ) );
		$this->assertFalse( $list->allows_url( 'https://example.go.id.evil.com/feed/' ) );
		$this->assertFalse( $list->allows_url( 'https://evilexample.go.id/feed/' ) );
		$this->assertFalse( $list->allows_url( 'https://sub.example.go.id/feed/' ) );
		$this->assertFalse( $list->allows_url( 'https://evil.com/?u=https://example.go.id/' ) );
		$this->assertFalse( $list->allows_url( 'https://evil.com/example.go.id' ) );
	}

	public function test_userinfo_and_other_schemes_are_refused() {
		$list = new Kabar_News_Allowlist( array( 'example.go.id' ) );
		$this->assertFalse( $list->allows_url( 'https://example.go.id@evil.com/feed/' ) );
		$this->assertFalse( $list->allows_url( 'https://user:pass@example.go.id/feed/' ) );
		$this->assertFalse( $list->allows_url( 'ftp://example.go.id/feed' ) );
		$this->assertFalse( $list->allows_url( 'file:///etc/passwd' ) );
		$this->assertFalse( $list->allows_url( '//example.go.id/feed' ) );
		$this->assertFalse( $list->allows_url( 'https://example.go.id\\@evil.com/' ) );
		$this->assertFalse( $list->allows_url( 'not a url' ) );
	}

	public function test_a_port_must_be_listed_with_the_host() {
		$list = new Kabar_News_Allowlist( array( 'example.go.id', 'localhost:8089' ) );
		$this->assertTrue( $list->allows_url( 'https://example.go.id:443/feed' ) );
		$this->assertTrue( $list->allows_url( 'http://example.go.id:80/feed' ) );
		$this->assertFalse( $list->allows_url( 'https://example.go.id:8443/feed' ) );
		$this->assertFalse( $list->allows_url( 'http://example.go.id:443/feed' ) );
		$this->assertTrue( $list->allows_url( 'http://localhost:8089/feed.xml' ) );
		$this->assertFalse( $list->allows_url( 'http://localhost/feed.xml' ) );
		$this->assertFalse( $list->allows_url( 'http://localhost:8090/feed.xml' ) );
		$this->assertFalse( $list->allows_url( 'http://127.0.0.1:8089/feed.xml' ) );
		$this->assertTrue( $list->allows_host_port( 'localhost', 8089 ) );
		$this->assertFalse( $list->allows_host_port( 'localhost', 80 ) );
		$this->assertTrue( $list->allows_host_port( 'example.go.id', 443, 'https' ) );
	}

	public function test_lines_are_normalised_or_refused() {
		$this->assertSame( 'example.go.id', Kabar_News_Allowlist::normalise_entry( '  Example.Go.Id ' ) );
		$this->assertSame( 'example.go.id', Kabar_News_Allowlist::normalise_entry( 'https://example.go.id/feed/' ) );
		$this->assertSame( 'example.go.id:8080', Kabar_News_Allowlist::normalise_entry( 'http://example.go.id:8080/x' ) );
		$this->assertSame( 'localhost:8089', Kabar_News_Allowlist::normalise_entry( 'localhost:8089' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( '*.example.go.id' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( 'example.go.id:99999' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( 'exa mple.go.id' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( '-bad.go.id' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( '<script>' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( '' ) );
		$this->assertNull( Kabar_News_Allowlist::normalise_entry( array( 'x' ) ) );
	}
}
