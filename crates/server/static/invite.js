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
  var say = self.SurveyWords.say;

  if (T.loadToken(localStorage, d.survey)) {
    status.textContent = say("holds-ballot");
    start.textContent = say("continue");
    start.disabled = false;
    start.addEventListener("click", function () { location.replace(d.answer); });
    return;
  }
  start.disabled = false;
  start.addEventListener("click", function () {
    start.disabled = true;
    problem.hidden = true;
    status.textContent = say("making");
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
      status.textContent = say("received");
      location.replace(d.answer);
    }, function (err) {
      status.textContent = "";
      problem.textContent = err.code === "challenge-mismatch"
        ? say("challenge-mismatch", { host: location.host })
        : err.message;
      problem.hidden = false;
      // A refusal that will not change (used, closed, a foreign challenge) keeps the button off;
      // anything else may be retried.
      start.disabled = err.status === 409 || err.code === "challenge-mismatch";
    });
  });
})();
