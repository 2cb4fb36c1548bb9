//! Mail through a real SMTP conversation with a small server started by the test.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::spawn_with;
use crate::surveys::{change_state, ready_survey};

/// Accepts SMTP sessions and counts the messages it receives; `fail_first` refuses the first
/// message with a temporary error, as a busy server would.
async fn smtp_server(fail_first: bool) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(AtomicUsize::new(0));
    let failed_once = Arc::new(AtomicUsize::new(usize::from(!fail_first)));
    let counter = received.clone();
    actix_web::rt::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let counter = counter.clone();
            let failed_once = failed_once.clone();
            actix_web::rt::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            if failed_once.fetch_add(1, Ordering::SeqCst) == 0 {
                                write.write_all(b"451 try again later\r\n").await.unwrap();
                            } else {
                                counter.fetch_add(1, Ordering::SeqCst);
                                write.write_all(b"250 queued\r\n").await.unwrap();
                            }
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 test\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, received)
}

#[actix_web::test]
async fn invitations_go_through_a_real_smtp_server_with_a_retry() {
    let (port, received) = smtp_server(true).await;
    let app = spawn_with(move |s| {
        s.mail.smtp = Some(survey_server::config::SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            security: "none".into(),
            username: None,
            password: None,
            attempts: 3,
        });
    })
    .await;
    let (b, _, survey) = ready_survey(&app).await;
    change_state(&b, survey, "scheduled").await;
    crate::jobs::make_due(&app, survey, &["invite"]).await;
    survey_server::jobs::run_due(&app.state).await.unwrap();
    assert_eq!(
        received.load(Ordering::SeqCst),
        60,
        "every invitation arrived once, the refused one on retry"
    );
    assert!(app.mails().is_empty(), "nothing went to the outbox");
}
