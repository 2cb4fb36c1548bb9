// The page's sentences, in its language, from the server's catalogs: the JSON block `#words` the
// respondent pages carry, read by invite.js and answer.js. `{name}` in a sentence is filled in here.
(function () {
  "use strict";
  var block = document.getElementById("words");
  var words = block ? JSON.parse(block.textContent) : {};
  self.SurveyWords = {};
  self.SurveyWords.say = function (key, values) {
    return Object.keys(values || {}).reduce(function (text, name) {
      return text.split("{" + name + "}").join(values[name]);
    }, words[key] || key);
  };
})();
