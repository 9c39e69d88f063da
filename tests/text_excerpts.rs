//! Excerpts derived from bodies when a feed has no summary.

use kabar::feed::parse;

#[test]
fn derived_summaries_are_plain_text_and_cut_at_a_word() {
    let long = "kata ".repeat(200);
    let json = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"a","title":"T","content_html":"<p><b>Awal</b> {long}</p><script>bukan teks</script>"}}]}}"#
    );
    let feed = parse(
        &json,
        &kabar::feed::ParseOptions::new("https://contoh.go.id/feed.json"),
    )
    .expect("valid");
    let summary = &feed.articles[0].summary;
    assert!(summary.starts_with("Awal kata"), "{summary}");
    assert!(summary.ends_with('…'));
    assert!(summary.chars().count() <= 221);
    assert!(!summary.contains('<') && !summary.contains("bukan teks"));
}
