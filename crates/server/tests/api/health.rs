use crate::helpers::{spawn_app, spawn_with};

#[actix_web::test]
async fn health_and_readiness_answer_and_metrics_are_prometheus_text() {
    // `/metrics` is off by default (see hardening.rs); a deployment that monitors turns it on.
    let app = spawn_with(|s| s.metrics.enabled = true).await;
    let b = app.browser();
    let health = b.get("/healthz").await;
    assert_eq!((health.status.as_u16(), health.body.as_str()), (200, "ok"));
    let ready = b.get("/readyz").await;
    assert_eq!((ready.status.as_u16(), ready.body.as_str()), (200, "ready"));
    let metrics = b.get("/metrics").await;
    assert!(
        metrics.body.contains("# TYPE survey_http_responses_total counter"),
        "{}",
        metrics.body
    );
    assert!(
        metrics.body.contains("survey_http_responses_total{class=\"2xx\"} 2"),
        "{}",
        metrics.body
    );
}

#[actix_web::test]
async fn every_page_sends_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/login", "/healthz", "/operator", "/no-such-page"] {
        let r = app.browser().get(path).await;
        let header = |name: &str| {
            r.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        let csp = header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
    }
}

#[actix_web::test]
async fn an_unknown_page_is_a_404_page_in_japanese_and_english() {
    let app = spawn_app().await;
    let r = app.browser().get("/no-such-page").await;
    assert_eq!(r.status.as_u16(), 404);
    assert!(
        r.body.contains("ページが見つかりません。") && r.body.contains("This page does not exist."),
        "{}",
        r.body
    );
}
