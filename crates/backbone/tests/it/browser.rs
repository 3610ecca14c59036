//! The web app in a real browser: Debian's Chromium driven over WebDriver (chromedriver, from the same
//! source package) against a real `backbone serve` on a free port. One person's first day: onboarding,
//! today's session logged set by set with the rest timer running, a double tap, a pain report and the
//! substitute on the next visit, an import, the progress charts, the plan calendar, and a set logged
//! offline that is sent once the server is back. Every page is checked by axe-core (`wcag22aa` and the
//! rules before it: no serious or critical violation), for tap targets of 24 px or more and for controls
//! that take the keyboard's focus, and screenshotted at 360x740 and 1280x800 (kept in
//! `target/screenshots`, compared with `crates/backbone-web/tests/screenshots`).
//!
//! `cargo xtask test` installs chromium, chromium-driver and axe-core; under `CI=true` a missing one is a
//! failure. `BACKBONE_UPDATE_SCREENSHOTS=1` records the screenshots anew.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use super::api_contract::tool;
use super::root;
use super::serve::{Server, http, start_at};

const PAGES: [&str; 8] = ["/today", "/plan", "/progress", "/history", "/exercises", "/rules", "/settings", "/start"];

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn browser() -> (Driver, Client) {
    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(driver);
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        "--window-size=360,740",
    ];
    let caps = json!({"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}});
    let caps = caps.as_object().cloned().expect("an object");
    let mut last = None;
    for _ in 0..50 {
        match ClientBuilder::rustls()
            .expect("tls")
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return (driver, client),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not answer: {last:?}");
}

/// Runs a script and returns its value.
async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Waits until a script returns true.
async fn until(c: &Client, what: &str, script: &str) {
    for _ in 0..100 {
        if js(c, script).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Taps an element as a thumb would: scrolled to the middle of the screen first (the rest timer sits
/// at the bottom).
async fn tap(c: &Client, e: &fantoccini::elements::Element) {
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'}); return true",
        vec![serde_json::to_value(e).expect("an element")],
    )
    .await
    .expect("scrolls");
    e.click().await.expect("taps");
}

fn sets_logged(server: &Server) -> usize {
    let (_, body) = http(server, "GET", "/api/v1/sessions?limit=1000", "");
    let sessions: Vec<Value> = serde_json::from_str(&body).expect("json");
    sessions.iter().filter_map(|s| s["sets"].as_array()).map(Vec::len).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_day_in_the_browser() {
    if !tool("chromedriver", &["--version"]) || !tool("chromium", &["--version"]) {
        return;
    }
    let axe = axe_source();
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("b.db");
    let addr = format!("127.0.0.1:{}", free_port());
    let mut server = start_at(&db, &addr);
    let base = format!("http://{addr}");
    let (_driver, c) = browser().await;

    // Onboarding writes the profile and lands on Today.
    c.goto(&format!("{base}/")).await.expect("opens");
    until(&c, "the start page", "return location.pathname === '/start'").await;
    c.find(Locator::Css("input[name=name]")).await.expect("a name field").send_keys("Riley").await.expect("types");
    c.find(Locator::Css("input[name=goal][value=posture]")).await.expect("a goal").click().await.expect("clicks");
    c.find(Locator::Css("input[name=equipment][value=bands]")).await.expect("bands").click().await.expect("clicks");
    c.find(Locator::Css("input[name=equipment][value=dumbbells]"))
        .await
        .expect("dumbbells")
        .click()
        .await
        .expect("clicks");
    c.find(Locator::Css("button.primary")).await.expect("save").click().await.expect("clicks");
    until(&c, "today after onboarding", "return location.pathname === '/today'").await;

    // Set by set: saved at once, the rest timer running; a double tap is one set.
    let buttons = c.find_all(Locator::Css("form.set .done-button")).await.expect("sets");
    assert!(buttons.len() >= 2, "the session has sets to check off");
    tap(&c, &buttons[0]).await;
    until(&c, "the first set saved", "return document.querySelector('form.set').classList.contains('done')").await;
    assert_eq!(
        js(&c, "return !document.getElementById('timer').hidden").await,
        Value::Bool(true),
        "the rest timer runs"
    );
    tap(&c, &buttons[0]).await;
    tap(&c, &buttons[1]).await;
    until(&c, "the second set saved", "return document.querySelectorAll('form.set.done').length === 2").await;
    assert_eq!(sets_logged(&server), 2, "two sets, the double tap not counted twice");

    // A pain report applies R3 at once: the next session does without the exercise.
    let exercise = js(&c, "return document.querySelector('form.pain input[name=exercise]').value").await;
    let exercise = exercise.as_str().expect("an exercise").to_string();
    c.find(Locator::Css("form.pain select[name=pain]"))
        .await
        .expect("a pain picker")
        .select_by_value("6")
        .await
        .expect("picks");
    tap(&c, &c.find(Locator::Css("form.pain button")).await.expect("report pain")).await;
    until(&c, "the pain message", "return document.body.innerText.includes('R3')").await;
    let (_, plan) = http(&server, "GET", "/api/v1/plan", "");
    let plan: Value = serde_json::from_str(&plan).expect("json");
    let next_day = plan["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .flat_map(|w| w["sessions"].as_array().into_iter().flatten())
        .filter_map(|s| s["date"].as_str())
        .find(|d| *d > "2026-11-23")
        .expect("a later session")
        .to_string();
    c.goto(&format!("{base}/plan/{next_day}")).await.expect("opens");
    let page = c.source().await.expect("a page");
    let name =
        backbone_core::catalog::Catalog::builtin().get(&exercise).map(|e| e.name.clone()).unwrap_or(exercise.clone());
    assert!(
        !page.contains(&format!("<h3>{name}</h3>")),
        "{name} is still prescribed on {next_day} after a pain report"
    );

    // An import from another app.
    c.goto(&format!("{base}/settings")).await.expect("opens");
    let fixture = root()
        .join("crates/backbone-formats/tests/fixtures/import/strong_ios_comma__breinsp-strong-charts.csv")
        .canonicalize()
        .expect("the fixture");
    c.find(Locator::Css("input[type=file]"))
        .await
        .expect("a file field")
        .send_keys(fixture.to_str().expect("utf-8"))
        .await
        .expect("chooses");
    c.find(Locator::Css("select[name=units]")).await.expect("units").select_by_value("kg").await.expect("picks");
    c.find(Locator::Css("form[enctype] button")).await.expect("import").click().await.expect("clicks");
    until(&c, "the import summary", "return document.body.innerText.includes('Imported 129 sessions')").await;

    // The progress page has its charts; the plan its weeks, blocks and deloads.
    c.goto(&format!("{base}/progress")).await.expect("opens");
    assert!(js(&c, "return document.querySelectorAll('figure.kpi svg').length").await.as_u64() > Some(0));
    c.goto(&format!("{base}/plan")).await.expect("opens");
    assert!(js(&c, "return document.querySelectorAll('li.week').length").await.as_u64() >= Some(12));
    assert!(js(&c, "return document.querySelectorAll('li.week.deload').length").await.as_u64() >= Some(1));

    // Every page: accessible, big enough targets, keyboard focus, screenshots.
    for page in PAGES {
        c.goto(&format!("{base}{page}")).await.expect("opens");
        check_page(&c, page, &axe).await;
        js(&c, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true").await;
        for (w, h) in [(360, 740), (1280, 800)] {
            c.set_window_size(w, h).await.expect("resizes");
            screenshot(&c, page, w, h).await;
        }
        c.set_window_size(360, 740).await.expect("resizes");
    }

    // Editing a session from History.
    c.goto(&format!("{base}/history")).await.expect("opens");
    tap(&c, &c.find(Locator::Css("a.button")).await.expect("an edit link")).await;
    until(
        &c,
        "the edit page",
        "return !!document.querySelector('h1') && document.querySelector('h1').innerText === 'Edit a session'",
    )
    .await;
    check_page(&c, "/history/ID/edit", &axe).await;

    // Offline: the set waits in the browser and is sent when the server is back.
    c.goto(&format!("{base}/today")).await.expect("opens");
    until(
        &c,
        "the service worker",
        // The installable app: the service worker controls Today's page.
        "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
    )
    .await;
    let before = sets_logged(&server);
    drop(server);
    let forms = c.find_all(Locator::Css("form.set:not(.done) .done-button")).await.expect("sets");
    tap(&c, &forms[0]).await;
    until(&c, "the set kept offline", "return JSON.parse(localStorage.getItem('backbone.queue') || '[]').length === 1")
        .await;
    server = start_at(&db, &addr);
    js(&c, "window.dispatchEvent(new Event('online')); return true").await;
    until(&c, "the queue sent", "return JSON.parse(localStorage.getItem('backbone.queue') || '[]').length === 0").await;
    assert_eq!(sets_logged(&server), before + 1, "the offline set reached the log once");
    c.close().await.expect("closes");
}

/// axe-core's script, installed by `cargo xtask test` (npm), or where `BACKBONE_AXE_JS` says.
fn axe_source() -> String {
    let path = std::env::var("BACKBONE_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/tools/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: axe-core is missing ({e}); `cargo xtask test` installs it", path.display()))
}

/// No serious or critical axe violation, targets of 24 px or more, every control focusable.
async fn check_page(c: &Client, page: &str, axe: &str) {
    c.execute(axe, vec![]).await.expect("axe loads");
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
               .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    assert_eq!(result, json!([]), "{page}: accessibility violations");
    let small = js(
        c,
        "return [...document.querySelectorAll('button, input:not([type=hidden]), select, nav a')]
           .filter(e => e.checkVisibility())
           .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
           .map(e => e.outerHTML.slice(0, 80));",
    )
    .await;
    assert_eq!(small, json!([]), "{page}: tap targets under 24 px");
    let unfocusable = js(
        c,
        "return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select')]
           .filter(e => e.checkVisibility())
           .filter(e => { e.focus(); return document.activeElement !== e; })
           .map(e => e.outerHTML.slice(0, 80));",
    )
    .await;
    assert_eq!(unfocusable, json!([]), "{page}: controls the keyboard cannot reach");
}

/// Keeps a screenshot as an artefact and compares it with the committed one.
async fn screenshot(c: &Client, page: &str, w: u32, h: u32) {
    let png = c.screenshot().await.expect("a screenshot");
    let name = format!("{}-{w}x{h}.png", if page == "/" { "home" } else { page.trim_start_matches('/') });
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).expect("a folder");
    std::fs::write(out.join(&name), &png).expect("writes");
    let committed = root().join("crates/backbone-web/tests/screenshots").join(&name);
    if std::env::var("BACKBONE_UPDATE_SCREENSHOTS").is_ok() || !committed.exists() {
        assert!(std::env::var("CI").as_deref() != Ok("true") || committed.exists(), "{name} is not committed");
        std::fs::create_dir_all(committed.parent().expect("a parent")).expect("a folder");
        std::fs::write(&committed, &png).expect("records");
        return;
    }
    let share = differing(&decode(&committed), &decode_bytes(&png));
    assert!(
        share <= 0.02,
        "{name}: {:.1}% of the pixels differ from the committed screenshot (target/screenshots/{name})",
        share * 100.0
    );
}

/// Width, height and RGBA pixels of a PNG.
fn decode_bytes(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a png");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf.chunks(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    (info.width, info.height, rgba)
}

fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    decode_bytes(&std::fs::read(path).expect("reads"))
}

/// The share of pixels that differ visibly (any channel by more than 32), 1.0 for different sizes.
fn differing(a: &(u32, u32, Vec<u8>), b: &(u32, u32, Vec<u8>)) -> f64 {
    if (a.0, a.1) != (b.0, b.1) {
        return 1.0;
    }
    let total = a.2.len() / 4;
    let off =
        a.2.chunks(4)
            .zip(b.2.chunks(4))
            .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 32))
            .count();
    off as f64 / total.max(1) as f64
}
