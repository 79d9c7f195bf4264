//! A small W3C WebDriver client: enough of the JSON protocol to drive the real Baton app through
//! tauri-driver (which starts WebKitWebDriver, which starts the app).

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The W3C key under which an element reference travels.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// WebDriver's codes for the Enter and Escape keys.
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const CONTROL: &str = "\u{E009}";

#[derive(Debug, Clone)]
pub struct Element(String);

pub struct Session {
    base: String,
    id: String,
    agent: ureq::Agent,
}

impl Session {
    /// Starts the app at `application` and waits until its page has loaded.
    pub fn start(base: &str, application: &Path) -> Session {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(120))
            .build();
        let body = json!({
            "capabilities": { "alwaysMatch": {
                "tauri:options": { "application": application.display().to_string() }
            }}
        });
        let reply = call(&agent, "POST", &format!("{base}/session"), Some(body))
            .unwrap_or_else(|e| panic!("no WebDriver session (is tauri-driver running?): {e}"));
        let id = reply["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {reply}"))
            .to_owned();
        let session = Session {
            base: base.to_owned(),
            id,
            agent,
        };
        session.wait_until("the page to load", Duration::from_secs(30), |s| {
            s.exec("return document.readyState", json!([])) == json!("complete")
        });
        session
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let url = format!("{}/session/{}{}", self.base, self.id, path);
        call(&self.agent, method, &url, body)
    }

    fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.cmd(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn exec(&self, script: &str, args: Value) -> Value {
        self.ok(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs an async script: its last argument is the callback to call with the result.
    pub fn exec_async(&self, script: &str, args: Value) -> Value {
        self.ok(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    pub fn try_find(&self, css: &str) -> Option<Element> {
        self.cmd(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        )
        .ok()
        .and_then(|v| v[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned())))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.ok(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The element `css`, waiting up to ten seconds for it to appear.
    pub fn find(&self, css: &str) -> Element {
        let mut found = None;
        self.wait_until(&format!("`{css}`"), Duration::from_secs(10), |s| {
            found = s.try_find(css);
            found.is_some()
        });
        found.unwrap_or_else(|| unreachable!())
    }

    /// `data-testid` shorthand.
    pub fn testid(&self, id: &str) -> Element {
        self.find(&format!("[data-testid=\"{id}\"]"))
    }

    pub fn count(&self, css: &str) -> usize {
        self.find_all(css).len()
    }

    pub fn wait_until(&self, what: &str, timeout: Duration, mut check: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        loop {
            if check(self) {
                return;
            }
            if start.elapsed() > timeout {
                let banner = self
                    .try_find("[data-testid=\"error-banner\"]")
                    .map(|e| self.text(&e))
                    .unwrap_or_default();
                panic!("timed out waiting for {what} (error banner: {banner:?})");
            }
            sleep(Duration::from_millis(100));
        }
    }

    pub fn wait_count(&self, css: &str, n: usize) {
        self.wait_until(&format!("{n} of `{css}`"), Duration::from_secs(10), |s| {
            s.count(css) == n
        });
    }

    pub fn click(&self, el: &Element) {
        self.ok("POST", &format!("/element/{}/click", el.0), Some(json!({})));
    }

    pub fn click_testid(&self, id: &str) {
        let el = self.testid(id);
        self.click(&el);
    }

    pub fn type_into(&self, el: &Element, text: &str) {
        self.ok(
            "POST",
            &format!("/element/{}/value", el.0),
            Some(json!({ "text": text })),
        );
    }

    /// The element's rendered text. Read through `innerText` because WebKitWebDriver's own
    /// "get element text" answers "" inside the Tauri page (its atom does not survive the
    /// page's frozen prototypes), which made every text assertion read empty.
    pub fn text(&self, el: &Element) -> String {
        self.exec("return arguments[0].innerText", json!([Self::arg(el)]))
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    /// The rendered text of the first element matching `css`, if there is one, read in one
    /// step: finding an element and then reading it can fail between the two when the page
    /// draws it again (a stale element), which made waits on re-rendered headings flaky.
    pub fn try_text(&self, css: &str) -> Option<String> {
        self.exec(
            "const e = document.querySelector(arguments[0]); return e ? e.innerText : null",
            json!([css]),
        )
        .as_str()
        .map(|t| t.trim().to_owned())
    }

    pub fn attr(&self, el: &Element, name: &str) -> Option<String> {
        self.ok("GET", &format!("/element/{}/attribute/{name}", el.0), None)
            .as_str()
            .map(str::to_owned)
    }

    pub fn property(&self, el: &Element, name: &str) -> Value {
        self.ok("GET", &format!("/element/{}/property/{name}", el.0), None)
    }

    /// The element as the script argument WebDriver expects.
    pub fn arg(el: &Element) -> Value {
        json!({ ELEMENT_KEY: el.0 })
    }

    /// Key presses sent to whatever has focus (shortcuts, the in-place editor).
    pub fn keys(&self, keys: &str) {
        let mut actions = Vec::new();
        for c in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": c.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
        }
        self.perform(json!([{ "type": "key", "id": "keyboard", "actions": actions }]));
    }

    /// A shortcut: `key` pressed while `modifier` (e.g. `CONTROL`) is held.
    pub fn chord(&self, modifier: &str, key: &str) {
        let actions = json!([
            { "type": "keyDown", "value": modifier },
            { "type": "keyDown", "value": key },
            { "type": "keyUp", "value": key },
            { "type": "keyUp", "value": modifier }
        ]);
        self.perform(json!([{ "type": "key", "id": "keyboard", "actions": actions }]));
    }

    /// A mouse click at a point of the viewport (CSS pixels).
    pub fn click_at(&self, x: f64, y: f64) {
        self.perform(json!([{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [
                { "type": "pointerMove", "duration": 0, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64 },
                { "type": "pointerDown", "button": 0 },
                { "type": "pointerUp", "button": 0 }
            ]
        }]));
    }

    /// A mouse drag from one viewport point to another, in small moves like a hand would.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64)) {
        let mut actions = vec![
            json!({ "type": "pointerMove", "duration": 0, "origin": "viewport", "x": from.0.round() as i64, "y": from.1.round() as i64 }),
            json!({ "type": "pointerDown", "button": 0 }),
        ];
        for i in 1..=8 {
            let t = f64::from(i) / 8.0;
            let x = from.0 + (to.0 - from.0) * t;
            let y = from.1 + (to.1 - from.1) * t;
            actions.push(json!({ "type": "pointerMove", "duration": 30, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64 }));
        }
        actions.push(json!({ "type": "pointerUp", "button": 0 }));
        self.perform(json!([{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": actions
        }]));
    }

    fn perform(&self, actions: Value) {
        self.ok("POST", "/actions", Some(json!({ "actions": actions })));
        // Releases whatever the sequence left pressed, so the next sequence starts clean.
        let _ = self.cmd("DELETE", "/actions", None);
    }

    /// The element's box in viewport coordinates: (x, y, width, height).
    pub fn rect(&self, el: &Element) -> (f64, f64, f64, f64) {
        let v = self.exec(
            "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];",
            json!([Self::arg(el)]),
        );
        let n = |i: usize| v[i].as_f64().unwrap_or(0.0);
        (n(0), n(1), n(2), n(3))
    }

    pub fn centre(&self, el: &Element) -> (f64, f64) {
        let (x, y, w, h) = self.rect(el);
        (x + w / 2.0, y + h / 2.0)
    }

    /// Waits two animation frames (so the screen shows the latest state), then saves a PNG of
    /// what the display shows of the window: its pixels on the X display, read by ImageMagick's
    /// `import`. WebDriver's own screenshot is no use here: WebKitWebDriver cannot take one while
    /// WebKit paints without compositing, as Baton has it on a machine without a GPU
    /// (src-tauri/src/rendering.rs).
    pub fn screenshot(&self, path: &Path) {
        self.exec_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            json!([]),
        );
        let window = self.ok("GET", "/window/rect", None);
        let at = |key: &str| {
            window[key]
                .as_f64()
                .unwrap_or_else(|| panic!("no {key} in the window's rect: {window}"))
                .round() as i64
        };
        let crop = format!("{}x{}+{}+{}", at("width"), at("height"), at("x"), at("y"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        let display = std::env::var("DISPLAY").expect("the e2e suite runs on an X display");
        let out = std::process::Command::new("import")
            .args([
                "-display", &display, "-window", "root", "-crop", &crop, "+repage",
            ])
            .arg(path)
            .output()
            .expect("ImageMagick's import (scripts/deps-app.sh installs it)");
        assert!(
            out.status.success(),
            "import could not capture the window: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Moves the window to the screen's corner and resizes it (its outer size: screenshots then
    /// show what a screen that size shows, e.g. a projector's).
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.ok(
            "POST",
            "/window/rect",
            Some(json!({ "x": 0, "y": 0, "width": width, "height": height })),
        );
        // The page lays itself out again after the resize before a screenshot shows it.
        std::thread::sleep(std::time::Duration::from_millis(500));
    }

    pub fn title(&self) -> String {
        self.ok("GET", "/title", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Ends the session, which closes the app.
        let _ = self.cmd("DELETE", "", None);
    }
}

fn call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let request = agent.request(method, url);
    let response = match body {
        Some(b) => request.send_json(b),
        None => request.call(),
    };
    let reply: Value = match response {
        Ok(r) => r.into_json().map_err(|e| e.to_string())?,
        Err(ureq::Error::Status(code, r)) => {
            let v: Value = r.into_json().unwrap_or(Value::Null);
            return Err(format!("HTTP {code}: {}", v["value"]));
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(reply["value"].clone())
}
