use survey_server::services::auth::Role;

use crate::helpers::{PASSWORD, spawn_app, spawn_with};

#[actix_web::test]
async fn an_operator_logs_in_gets_a_secure_strict_session_cookie_and_logs_out() {
    let app = spawn_app().await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    let form = b.get("/login").await;
    let response = b
        .post_form(
            "/login",
            &[
                ("csrf", &form.csrf()),
                ("email", "Ana@Firm.example "),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status.as_u16(), 303);
    assert_eq!(response.location(), "/operator");
    let cookie = response
        .headers
        .get_all("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("survey_session="))
        .unwrap();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age=28800"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let dashboard = b.get("/operator").await;
    assert_eq!(dashboard.status.as_u16(), 200);
    let out = b.post_form("/logout", &[("csrf", &dashboard.csrf())]).await;
    assert_eq!(out.location(), "/login");
    assert_eq!(b.get("/operator").await.location(), "/login");
}

#[actix_web::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let app = spawn_app().await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    for (email, password) in [
        ("ana@firm.example", "wrong password!!"),
        ("nobody@firm.example", PASSWORD),
    ] {
        let r = b.login(email, password).await;
        assert_eq!(r.status.as_u16(), 401);
        assert!(
            r.body.contains("メールアドレスまたはパスワードが違います。"),
            "{}",
            r.body
        );
    }
}

#[actix_web::test]
async fn logins_are_limited_after_repeated_failures() {
    let app = spawn_with(|s| s.session.login_attempts = 3).await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    for _ in 0..3 {
        assert_eq!(
            b.login("ana@firm.example", "wrong password!!").await.status.as_u16(),
            401
        );
    }
    let locked = b.login("ana@firm.example", PASSWORD).await;
    assert_eq!(locked.status.as_u16(), 429);
    assert!(
        locked.body.contains("Too many failed logins; try again in 15 minutes."),
        "{}",
        locked.body
    );
}

#[actix_web::test]
async fn a_login_or_form_without_its_csrf_token_is_refused() {
    let app = spawn_app().await;
    app.user("ana@firm.example", Role::Admin, None).await;
    let b = app.browser();
    b.get("/login").await;
    let r = b
        .post_form(
            "/login",
            &[
                ("csrf", "forged"),
                ("email", "ana@firm.example"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status.as_u16(), 400);
    assert!(r.body.contains("This form has expired; reload the page and try again."));
    let b = app.login("ana@firm.example").await;
    let r = b
        .post_form("/operator/organisations", &[("csrf", "forged"), ("name", "Acme")])
        .await;
    assert_eq!(r.status.as_u16(), 400);
    let r = b.post_form("/operator/organisations", &[("name", "Acme")]).await;
    assert_eq!(r.status.as_u16(), 400, "a form without csrf: {}", r.body);
}

#[actix_web::test]
async fn an_expired_session_sends_the_user_back_to_login() {
    let app = spawn_with(|s| s.session.ttl_minutes = 0).await;
    app.user("ana@firm.example", Role::Analyst, None).await;
    let b = app.browser();
    assert_eq!(b.login("ana@firm.example", PASSWORD).await.status.as_u16(), 303);
    assert_eq!(b.get("/operator").await.location(), "/login");
}

#[actix_web::test]
async fn a_user_changes_their_password_knowing_the_current_one() {
    let app = spawn_app().await;
    app.user("boss@client.example", Role::Analyst, None).await;
    let b = app.login("boss@client.example").await;
    let page = b.get("/account/password").await;
    let csrf = page.csrf();
    let wrong = b
        .post_form(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", "not it at all"),
                ("new", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(wrong.status.as_u16(), 422);
    assert!(wrong.body.contains("現在のパスワードが違います。"));
    let short = b
        .post_form(
            "/account/password",
            &[("csrf", &csrf), ("current", PASSWORD), ("new", "short")],
        )
        .await;
    assert_eq!(short.status.as_u16(), 422);
    let ok = b
        .post_form(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(ok.status.as_u16(), 200);
    assert!(ok.body.contains("パスワードを変更しました。"));
    assert_eq!(
        app.browser()
            .login("boss@client.example", PASSWORD)
            .await
            .status
            .as_u16(),
        401
    );
    assert_eq!(
        app.browser()
            .login("boss@client.example", "a brand new passphrase")
            .await
            .status
            .as_u16(),
        303
    );
}
