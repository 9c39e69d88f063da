//! Any JSON API, mapped onto the article model by the `fields` attribute:
//! `fields="items: data.posts; id: slug; title: headline; image: thumb.url; date: published_at"`.
//!
//! A path is keys joined by dots; a number picks from a list (`images.0.src`); a key applied to
//! a list applies to each element (`categories.name` on `[{"name": …}, …]`).

use serde_json::Value;

use super::json_feed::text;
use super::{key_list, plain, Draft, FeedError, Source, Text, MAX_ITEMS};
use crate::article::{Content, Image};
use crate::date::{parse_date_in, Timestamp};

/// The article fields a mapping can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Unique id (defaults to the URL).
    Id,
    /// Headline.
    Title,
    /// Link to the original.
    Url,
    /// Lead image URL.
    Image,
    /// Lead image alternative text.
    ImageAlt,
    /// Publication date (RFC 3339, RFC 822, the Indonesian forms, or Unix seconds/milliseconds).
    Date,
    /// Last modification date.
    Modified,
    /// Plain-text or HTML excerpt.
    Summary,
    /// HTML body.
    Content,
    /// Plain-text body.
    ContentText,
    /// Category name(s).
    Category,
    /// Tag name(s).
    Tags,
    /// Author name(s).
    Author,
}

impl Field {
    /// Every field with its name in the attribute.
    pub const ALL: [(Field, &'static str); 13] = [
        (Field::Id, "id"),
        (Field::Title, "title"),
        (Field::Url, "url"),
        (Field::Image, "image"),
        (Field::ImageAlt, "image-alt"),
        (Field::Date, "date"),
        (Field::Modified, "modified"),
        (Field::Summary, "summary"),
        (Field::Content, "content"),
        (Field::ContentText, "content-text"),
        (Field::Category, "category"),
        (Field::Tags, "tags"),
        (Field::Author, "author"),
    ];

    /// The name used in the attribute.
    pub fn name(self) -> &'static str {
        Field::ALL
            .iter()
            .find(|(field, _)| *field == self)
            .map_or("", |(_, name)| name)
    }
}

/// A parsed `fields` attribute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// Where the list of items is; the top level (a list) or a usual key when absent.
    pub items: Option<String>,
    /// Each mapped field with its dotted path.
    pub paths: Vec<(Field, String)>,
}

/// Reads `fields="name: path; …"`; returns the map and one problem per entry it could not use.
pub fn parse_fields(attribute: &str) -> (FieldMap, Vec<String>) {
    let mut map = FieldMap::default();
    let mut problems = Vec::new();
    for entry in attribute
        .split(';')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let Some((name, path)) = entry.split_once(':') else {
            problems.push(format!("\"{entry}\" is not \"name: path\""));
            continue;
        };
        let (name, path) = (name.trim().to_ascii_lowercase(), path.trim().to_string());
        if path.is_empty() || path.split('.').any(str::is_empty) {
            problems.push(format!("\"{entry}\" has an empty path"));
        } else if name == "items" {
            map.items = Some(path);
        } else if let Some((field, _)) = Field::ALL.iter().find(|(_, n)| *n == name) {
            map.paths.retain(|(f, _)| f != field);
            map.paths.push((*field, path));
        } else {
            let known: Vec<&str> = Field::ALL.iter().map(|(_, n)| *n).collect();
            problems.push(format!(
                "\"{name}\" is not a field; use items, {}",
                known.join(", ")
            ));
        }
    }
    (map, problems)
}

/// The values at a dotted path; lists along the way fan out.
fn resolve<'a>(value: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut current = vec![value];
    for segment in path.split('.') {
        current = current.into_iter().flat_map(|v| step(v, segment)).collect();
    }
    current
        .into_iter()
        .flat_map(|v| match v {
            Value::Array(list) => list.iter().collect(),
            other => vec![other],
        })
        .filter(|v| !v.is_null())
        .collect()
}

fn step<'a>(value: &'a Value, segment: &str) -> Vec<&'a Value> {
    match value {
        Value::Object(object) => object.get(segment).into_iter().collect(),
        Value::Array(list) => match segment.parse::<usize>() {
            Ok(index) => list.get(index).into_iter().collect(),
            Err(_) => list.iter().flat_map(|v| step(v, segment)).collect(),
        },
        _ => Vec::new(),
    }
}

pub(super) fn read(root: &Value, map: &FieldMap, zone: i32) -> Result<Source, FeedError> {
    let items: &Vec<Value> = match &map.items {
        Some(path) => {
            let found = path
                .split('.')
                .try_fold(root, |value, segment| match value {
                    Value::Object(object) => object.get(segment),
                    Value::Array(list) => segment.parse::<usize>().ok().and_then(|i| list.get(i)),
                    _ => None,
                });
            match found {
                Some(Value::Array(items)) => items,
                Some(_) => {
                    return Err(FeedError::Fields(format!(
                        "\"items: {path}\" is not a list"
                    )))
                }
                None => {
                    return Err(FeedError::Fields(format!(
                        "\"items: {path}\" leads nowhere; the top level has the keys {}",
                        root.as_object()
                            .map(key_list)
                            .unwrap_or_else(|| "(it is a list)".into())
                    )))
                }
            }
        }
        None => match root {
            Value::Array(items) => items,
            Value::Object(object) => ["items", "data", "posts", "articles", "results", "news"]
                .iter()
                .find_map(|key| object.get(*key).and_then(Value::as_array))
                .ok_or_else(|| {
                    FeedError::Fields(format!(
                        "say where the list is with \"items: path\"; the top level has the keys {}",
                        key_list(object)
                    ))
                })?,
            _ => {
                return Err(FeedError::Fields(
                    "the JSON is neither a list nor an object".into(),
                ))
            }
        },
    };
    let considered = &items[..items.len().min(MAX_ITEMS)];
    let mut warnings = Vec::new();
    if let Some(Value::Object(first)) = considered.first() {
        for (field, path) in &map.paths {
            if considered.iter().all(|item| resolve(item, path).is_empty()) {
                warnings.push(format!(
                    "fields: \"{}: {path}\" matched nothing in any of the {} items; the first item has the keys {}",
                    field.name(),
                    considered.len(),
                    key_list(first)
                ));
            }
        }
    }
    Ok(Source {
        title: None,
        language: None,
        next_page: None,
        total: items.len(),
        items: considered
            .iter()
            .map(|item| read_item(item, map, zone))
            .collect(),
        warnings,
    })
}

fn read_item(item: &Value, map: &FieldMap, zone: i32) -> Result<Draft, String> {
    if !item.is_object() {
        return Err("is not an object".into());
    }
    let all = |field: Field| -> Vec<String> {
        map.paths
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, path)| resolve(item, path))
            .filter_map(|v| text(v).or_else(|| v.get("name").and_then(text)))
            .collect()
    };
    let one = |field: Field| all(field).into_iter().next();
    // Names may hold entities and markup, like titles.
    let names = |field: Field| all(field).iter().map(|name| plain(name)).collect();
    let date = |field: Field| -> Option<Timestamp> {
        map.paths
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, path)| resolve(item, path))
            .find_map(|value| match value {
                Value::Number(n) => n.as_i64().and_then(unix_timestamp),
                other => text(other).and_then(|s| {
                    parse_date_in(&s, zone)
                        .or_else(|| s.trim().parse::<i64>().ok().and_then(unix_timestamp))
                }),
            })
    };
    let content = match (one(Field::Content), one(Field::ContentText)) {
        (Some(html), _) => Some(Content::Html(html)),
        (None, Some(text)) => Some(Content::Text(text)),
        (None, None) => None,
    };
    // The id defaults to the link, as it would for RSS.
    let url = one(Field::Url);
    Ok(Draft {
        id: one(Field::Id).or_else(|| url.clone()),
        url,
        title: one(Field::Title).map(Text::Html),
        summary: one(Field::Summary).map(Text::Html),
        content,
        images: one(Field::Image)
            .map(|url| Image {
                url,
                alt: one(Field::ImageAlt).map_or_else(String::new, |alt| plain(&alt)),
                ..Image::default()
            })
            .into_iter()
            .collect(),
        published: date(Field::Date),
        modified: date(Field::Modified),
        authors: names(Field::Author),
        categories: names(Field::Category),
        category_terms: Vec::new(),
        tags: names(Field::Tags),
        attachments: Vec::new(),
        source: None,
    })
}

/// Unix seconds, or milliseconds when the number is too large to be seconds.
fn unix_timestamp(number: i64) -> Option<Timestamp> {
    if number <= 0 {
        return None;
    }
    let seconds = if number > 100_000_000_000 {
        number / 1000
    } else {
        number
    };
    Some(Timestamp {
        unix_seconds: seconds,
        offset_minutes: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_attribute_and_names_each_problem() {
        let (map, problems) = parse_fields(
            " items: data.posts; id: slug ;TITLE: headline; bogus: x; url; image: ; date: published_at;",
        );
        assert_eq!(map.items.as_deref(), Some("data.posts"));
        assert_eq!(
            map.paths,
            vec![
                (Field::Id, "slug".to_string()),
                (Field::Title, "headline".to_string()),
                (Field::Date, "published_at".to_string()),
            ]
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("\"bogus\" is not a field"));
        assert!(problems[1].contains("\"url\" is not \"name: path\""));
        assert!(problems[2].contains("empty path"));
    }

    #[test]
    fn paths_index_lists_and_fan_out_over_them() {
        let value: Value = serde_json::from_str(
            r#"{"a": {"b": [{"n": "x"}, {"n": "y"}]}, "tags": ["p", "q"], "z": null}"#,
        )
        .expect("json");
        let strings = |path: &str| -> Vec<String> {
            resolve(&value, path).into_iter().filter_map(text).collect()
        };
        assert_eq!(strings("a.b.n"), ["x", "y"]);
        assert_eq!(strings("a.b.1.n"), ["y"]);
        assert_eq!(strings("tags"), ["p", "q"]);
        assert!(strings("z").is_empty() && strings("a.c").is_empty());
    }
}
