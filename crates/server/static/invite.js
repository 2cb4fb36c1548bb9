// The invitation page: takes the anonymous ballot with token.js and moves to the answer page,
// replacing the invitation URL in the history so it is not left behind.
(function () {
  "use strict";
  var T = self.SurveyToken;
  var box = document.getElementById("issue");
  if (!box) return;
  var start = document.getElementById("start");
  var status = document.getElementById("status");
  var problem = document.getElementById("problem");
  var d = box.dataset;
  var ja = document.documentElement.lang === "ja";
  var say = function (jaText, enText) { return ja ? jaText : enText; };

  if (T.loadToken(localStorage, d.survey)) {
    status.textContent = say("このブラウザには回答券があります。", "This browser already holds your ballot.");
    start.textContent = say("回答を続ける", "Continue to the questions");
    start.disabled = false;
    start.addEventListener("click", function () { location.replace(d.answer); });
    return;
  }
  start.disabled = false;
  start.addEventListener("click", function () {
    start.disabled = true;
    problem.hidden = true;
    status.textContent = say("回答券を作っています…", "Making your ballot…");
    // The challenge is derived from the address this browser shows and the survey's id; a page that
    // supplies another one is refused before anything is sent.
    T.issue({
      directoryUrl: d.directory,
      keyId: d.keyId,
      surveyId: d.survey,
      host: location.host,
      pageChallenge: d.challenge,
      requestUrl: d.request + "?lang=" + encodeURIComponent(document.documentElement.lang),
    }).then(function (token) {
      T.storeToken(localStorage, d.survey, token);
      status.textContent = say("回答券を受け取りました。質問に進みます。", "Ballot received. On to the questions.");
      location.replace(d.answer);
    }, function (err) {
      status.textContent = "";
      problem.textContent = err.code === "challenge-mismatch"
        ? say("このページが示す回答券のチャレンジは、このブラウザがサーバーのアドレス（" + location.host +
              "）と調査IDから計算したものと異なります。回答券は要求していません。別のチャレンジは回答券にあなたの印を付けるために使われるおそれがあります。このページでは回答せず、調査会社に知らせてください。",
              "This page supplies a ballot challenge other than the one this browser derives from the server's address (" +
              location.host + ") and the survey's id. No ballot was requested: another challenge could mark your ballot as yours. " +
              "Please do not answer on this page, and tell the research firm.")
        : err.message;
      problem.hidden = false;
      // A refusal that will not change (used, closed, a foreign challenge) keeps the button off;
      // anything else may be retried.
      start.disabled = err.status === 409 || err.code === "challenge-mismatch";
    });
  });
})();
