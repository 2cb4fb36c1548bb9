//! The role matrix: every route as anonymous, operator admin, analyst, and management of two
//! organisations; no organisation sees another's data.

use survey_server::services::auth::Role;

use crate::helpers::{Browser, spawn_app};
use crate::surveys::{create_organisation, create_survey, operator};

/// Form fields of a POST.
type Form = Vec<(&'static str, &'static str)>;

struct Who {
    name: &'static str,
    browser: Browser,
    csrf: String,
}

#[actix_web::test]
async fn every_route_answers_each_role_as_it_should() {
    let app = spawn_app().await;
    let admin = operator(&app).await;
    let org_a = create_organisation(&admin, "Org A").await;
    let org_b = create_organisation(&admin, "Org B").await;
    let survey_a = create_survey(&admin, org_a).await;
    let survey_b = create_survey(&admin, org_b).await;
    app.user("analyst@firm.example", Role::Analyst, None).await;
    app.user("boss@a.example", Role::Management, Some(org_a)).await;
    app.user("boss@b.example", Role::Management, Some(org_b)).await;

    let mut people = Vec::new();
    for (name, login, home) in [
        ("anonymous", None, "/login"),
        ("admin", Some("admin@firm.example"), "/operator"),
        ("analyst", Some("analyst@firm.example"), "/operator"),
        ("management A", Some("boss@a.example"), "/portal"),
        ("management B", Some("boss@b.example"), "/portal"),
    ] {
        let browser = match login {
            Some(email) => app.login(email).await,
            None => app.browser(),
        };
        let csrf = browser.get(home).await.csrf();
        people.push(Who { name, browser, csrf });
    }

    // Expected status for: anonymous, admin, analyst, management A, management B.
    let get_routes: Vec<(String, [u16; 5])> = vec![
        ("/operator".into(), [303, 200, 200, 403, 403]),
        ("/operator/organisations".into(), [303, 200, 200, 403, 403]),
        (format!("/operator/organisations/{org_a}"), [303, 200, 200, 403, 403]),
        ("/operator/surveys/new".into(), [303, 200, 200, 403, 403]),
        (format!("/operator/surveys/{survey_a}"), [303, 200, 200, 403, 403]),
        ("/operator/audit".into(), [303, 200, 200, 403, 403]),
        ("/operator/tokens".into(), [303, 200, 200, 403, 403]),
        ("/operator/users".into(), [303, 200, 200, 403, 403]),
        // A draft has no tally yet: operators are told so, nobody else reaches it.
        (
            format!("/operator/surveys/{survey_a}/tally.json"),
            [303, 409, 409, 403, 403],
        ),
        // The respondent's public pages are the same for everyone.
        (format!("/s/{survey_a}"), [200, 200, 200, 200, 200]),
        (format!("/s/{survey_a}/token-keys"), [200, 200, 200, 200, 200]),
        ("/portal".into(), [303, 403, 403, 200, 200]),
        (format!("/portal/surveys/{survey_a}"), [303, 403, 403, 200, 404]),
        (format!("/portal/surveys/{survey_b}"), [303, 403, 403, 404, 200]),
        ("/api/v1/surveys".into(), [401, 401, 401, 401, 401]),
        ("/healthz".into(), [200, 200, 200, 200, 200]),
        ("/account/password".into(), [303, 200, 200, 200, 200]),
    ];
    for (path, expected) in &get_routes {
        for (who, want) in people.iter().zip(expected) {
            let got = who.browser.get(path).await.status.as_u16();
            assert_eq!(got, *want, "GET {path} as {}", who.name);
        }
    }

    let post_routes: Vec<(String, Form, [u16; 5])> = vec![
        (
            "/operator/organisations".into(),
            vec![("name", "New client")],
            [303, 303, 403, 403, 403],
        ),
        (
            format!("/operator/organisations/{org_b}/users"),
            vec![
                ("name", "X"),
                ("email", "x@b.example"),
                ("password", "a long enough password"),
            ],
            [303, 303, 403, 403, 403],
        ),
        (
            format!("/operator/surveys/{survey_a}/state"),
            vec![("to", "published")],
            [303, 422, 422, 403, 403],
        ),
        (
            "/operator/tokens".into(),
            vec![("name", "ci")],
            [303, 200, 200, 403, 403],
        ),
    ];
    for (path, fields, expected) in &post_routes {
        for (i, (who, want)) in people.iter().zip(expected).enumerate() {
            let mut form = vec![("csrf", who.csrf.as_str())];
            // Each account may only be created once; later rows reuse another address.
            let unique = format!("x{i}@b.example");
            let name = format!("New client {i}");
            for (k, v) in fields {
                form.push((
                    k,
                    if *k == "email" {
                        unique.as_str()
                    } else if *v == "New client" {
                        name.as_str()
                    } else {
                        v
                    },
                ));
            }
            let got = who.browser.post_form(path, &form).await.status.as_u16();
            assert_eq!(got, *want, "POST {path} as {}", who.name);
        }
    }

    // API tokens: only operators have them, and only admins manage accounts and clients.
    let analyst_token = people[2].browser.api_token().await;
    let admin_token = people[1].browser.api_token().await;
    let api = app.browser();
    let body = serde_json::json!({ "name": "Via API" });
    let analyst_post = api
        .api("POST", "/api/v1/organisations", &analyst_token, Some(body.clone()))
        .await;
    assert_eq!(analyst_post.status.as_u16(), 403);
    assert_eq!(
        api.api("POST", "/api/v1/organisations", &admin_token, Some(body))
            .await
            .status
            .as_u16(),
        201
    );
    assert_eq!(
        api.api("GET", "/api/v1/surveys", &analyst_token, None)
            .await
            .status
            .as_u16(),
        200
    );
    let manager = serde_json::json!({ "email": "m@a.example", "name": "M", "password": "a long enough password" });
    let path = format!("/api/v1/organisations/{org_a}/users");
    assert_eq!(
        api.api("POST", &path, &analyst_token, Some(manager.clone()))
            .await
            .status
            .as_u16(),
        403
    );
    assert_eq!(
        api.api("POST", &path, &admin_token, Some(manager))
            .await
            .status
            .as_u16(),
        201
    );

    let portal_a = people[3].browser.get("/portal").await.body;
    assert!(
        portal_a.contains("Org A") && !portal_a.contains("Org B"),
        "management A sees another organisation"
    );
    let survey_b_id = survey_b.to_string();
    assert!(!portal_a.contains(&survey_b_id));
}
