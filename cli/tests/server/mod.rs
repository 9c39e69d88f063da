//! A loopback HTTP/1.1 server for the command's tests: real sockets, fixed answers per path,
//! and a record of the `Origin` each request sent.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// A fixed answer.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// 200 with a content type and body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// The same answer with one more header.
    pub fn with(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The same answer with another status.
    pub fn status(mut self, status: u16) -> Answer {
        self.status = status;
        self
    }
}

/// `(path, Origin header)` of every request, in order.
pub type Requests = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// A running server; it stops with the test process.
pub struct Server {
    pub base: String,
    pub requests: Requests,
}

impl Server {
    /// Serves `routes` (path with query → answer); anything else is a 404.
    pub fn start(routes: Vec<(&str, Answer)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("an address"));
        let routes: Arc<Vec<(String, Answer)>> = Arc::new(
            routes
                .into_iter()
                .map(|(path, answer)| (path.to_string(), answer))
                .collect(),
        );
        let requests: Requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = routes.clone();
                let seen = seen.clone();
                thread::spawn(move || answer(stream, &routes, &seen));
            }
        });
        Server { base, requests }
    }

    /// The absolute URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn answer(
    stream: TcpStream,
    routes: &[(String, Answer)],
    seen: &Mutex<Vec<(String, Option<String>)>>,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(stream) => stream,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut origin = None;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = line.split_once(':') {
                    if name.trim().eq_ignore_ascii_case("origin") {
                        origin = Some(value.trim().to_string());
                    }
                }
            }
        }
    }
    if let Ok(mut seen) = seen.lock() {
        seen.push((path.clone(), origin));
    }
    let not_found = Answer::ok("text/plain", "not found").status(404);
    let answer = routes
        .iter()
        .find(|(route, _)| *route == path)
        .map_or(&not_found, |(_, answer)| answer);
    let mut head = format!("HTTP/1.1 {} Kabar test\r\n", answer.status);
    for (name, value) in &answer.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        answer.body.len()
    ));
    let mut stream = stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&answer.body);
    let _ = stream.flush();
}
