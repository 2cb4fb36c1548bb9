// The invitation page: takes the anonymous ballot with token.js and moves to the answer page,
// replacing the invitation URL in the history so it is not left behind.
(function () {
  "use strict";
  var T = self.SurveyToken;
  var used = document.getElementById("continue");
  if (used) {
    // A used invitation: offer to continue only if this browser holds the ballot.
    if (T.loadToken(localStorage, used.dataset.survey)) used.hidden = false;
    return;
  }
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
    T.issue({
      directoryUrl: d.directory,
      keyId: d.keyId,
      challenge: d.challenge,
      requestUrl: d.request + "?lang=" + encodeURIComponent(document.documentElement.lang),
    }).then(function (token) {
      T.storeToken(localStorage, d.survey, token);
      status.textContent = say("回答券を受け取りました。質問に進みます。", "Ballot received. On to the questions.");
      location.replace(d.answer);
    }, function (err) {
      status.textContent = "";
      problem.textContent = err.message;
      problem.hidden = false;
      // A refusal that will not change (used, closed) keeps the button off; anything else may be retried.
      start.disabled = err.status === 409;
    });
  });
})();
