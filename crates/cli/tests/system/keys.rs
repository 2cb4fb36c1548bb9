//! `survey keys reseal`: the master key changes, the issuer keys go on signing.

use std::process::Command;

use crate::site::{Backend, Server, Site, client, take_token};

const NEW_KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // bytes 0..32

fn reseal(site: &Site, new_key: Option<&str>) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_survey"));
    command.args(["keys", "reseal"]).envs(site.env(&site.database_url));
    if let Some(key) = new_key {
        command.env("SURVEY_NEW_MASTER_KEY", key);
    }
    command.output().unwrap()
}

#[actix_web::test]
async fn resealing_under_a_new_master_key_keeps_every_issuer_key_signing() {
    let site = Site::new(Backend::Sqlite).await;
    let state = site.state().await;
    let open = survey_server::fixtures::open_survey(&state, 20).await.unwrap();
    let file = site.data_dir.join("master.key");
    let old_key = std::fs::read_to_string(&file).unwrap();

    let refused = reseal(&site, None);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("SURVEY_NEW_MASTER_KEY"));
    let refused = reseal(&site, Some("not base64 of 32 bytes"));
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        old_key,
        "a refused reseal changed the key file"
    );

    let done = reseal(&site, Some(NEW_KEY));
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert!(
        String::from_utf8_lossy(&done.stdout).contains("resealed 4 issuer keys"),
        "{done:?}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), NEW_KEY);

    // A server started now has only the new key, and every segment's key still signs.
    let server = Server::start(&site, "after-reseal", &[]).await;
    let client = client();
    for segment in 0..survey_server::fixtures::DEPARTMENTS {
        let i = open
            .codes
            .iter()
            .position(|(_, s)| s.ends_with(&format!("d{segment}")))
            .unwrap();
        let (pending, request) = open.token_request(i).unwrap();
        let (status, signature) = take_token(&client, &server.base, &open.codes[i].0, &request)
            .await
            .unwrap();
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&signature));
        pending.finish(&signature).unwrap();
    }
}
