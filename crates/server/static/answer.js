// The answer page: one section at a time, conditional questions, the draft kept in this browser
// only, and the submission with the anonymous ballot and a fresh salt. The acknowledgement is checked:
// the receipt is recomputed from the ballot, the salt and the canonical answers the server echoes,
// and a mismatch is shown as a warning, with the draft kept. Field names follow respondent/form.rs.
(function () {
  "use strict";
  var T = self.SurveyToken;
  var form = document.getElementById("answers");
  if (!form) return;
  var survey = form.dataset.survey;
  var say = self.SurveyWords.say;
  var draftKey = "survey-draft:" + survey;
  var receiptKey = "survey-receipt:" + survey;
  var pages = Array.prototype.slice.call(form.querySelectorAll("section.page"));
  var questions = Array.prototype.slice.call(form.querySelectorAll(".question"));
  var problem = document.getElementById("form-problem");
  var current = 0;

  function byId(id) { return document.getElementById(id); }

  function showReceipt(saved) {
    form.hidden = true;
    byId("done").hidden = false;
    byId("receipt").textContent = saved.receipt;
    byId("check").href = saved.check;
    if (saved.salt) {
      byId("salt").textContent = saved.salt;
      byId("salt-box").hidden = false;
    }
    var text = say("receipt") + " " + saved.receipt + "\n" +
      (saved.salt ? say("salt") + " " + saved.salt + "\n" : "") + location.origin + saved.check + "\n";
    byId("download").href = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    byId("copy").addEventListener("click", function () {
      navigator.clipboard.writeText(saved.receipt).then(function () {
        byId("copy").textContent = say("copied");
      });
    });
  }

  var saved = localStorage.getItem(receiptKey);
  if (saved) { showReceipt(JSON.parse(saved)); return; }
  var token = T.loadToken(localStorage, survey);
  if (!token) { byId("no-token").hidden = false; return; }
  form.hidden = false;

  // --- the draft: every field's values by name, hidden questions included ---
  function fields() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.value === "") return;
      (values[el.name] = values[el.name] || []).push(el.value);
    });
    return values;
  }
  function restore(values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var v = values[el.name];
      if (!v) return;
      if (el.type === "radio" || el.type === "checkbox") el.checked = v.indexOf(el.value) >= 0;
      else el.value = v[0];
    });
  }
  try { restore(JSON.parse(localStorage.getItem(draftKey) || "{}").fields || {}); } catch (e) { /* a broken draft is dropped */ }

  // --- answers in the JSON shapes of docs/template-format.md ---
  function answerOf(q, values) {
    var id = q.dataset.question;
    var first = function (name) { return (values[name] || [])[0]; };
    var point = function (v) { return v === undefined ? undefined : (/^\d+$/.test(v) ? Number(v) : v); };
    var choice = function (v) { return v === "__other" ? { other: first(id + ".other") || "" } : v; };
    switch (q.dataset.type) {
      case "single_choice": return first(id) === undefined ? undefined : choice(first(id));
      case "multiple_choice": return values[id] ? values[id].map(choice) : undefined;
      case "likert": case "rating": return point(first(id));
      case "number": {
        var n = first(id);
        if (n === undefined) return undefined;
        n = n.trim().replace(",", ".");
        return n !== "" && isFinite(Number(n)) ? Number(n) : n;
      }
      case "short_text": case "long_text": return first(id);
      case "matrix": {
        var rows = {}, any = false;
        Object.keys(values).forEach(function (name) {
          if (name.indexOf(id + ".") === 0) { rows[name.slice(id.length + 1)] = point(values[name][0]); any = true; }
        });
        return any ? rows : undefined;
      }
      case "ranking": {
        var ranked = [];
        Object.keys(values).forEach(function (name) {
          if (name.indexOf(id + ".") === 0) ranked.push([Number(values[name][0]), name.slice(id.length + 1)]);
        });
        ranked.sort(function (a, b) { return a[0] - b[0]; });
        return ranked.length ? ranked.map(function (r) { return r[1]; }) : undefined;
      }
    }
    return undefined;
  }
  function numeric(a) { return typeof a === "number" ? a : null; }
  function matches(a, v) {
    if (typeof v === "string") return a === v || (Array.isArray(a) && a.indexOf(v) >= 0);
    return numeric(a) !== null && numeric(a) === v;
  }
  // The rules of survey_design::Condition: a condition on an unanswered or hidden question fails.
  function holds(c, answers) {
    if (c.not) return !holds(c.not, answers);
    if (c.and) return c.and.every(function (x) { return holds(x, answers); });
    if (c.or) return c.or.some(function (x) { return holds(x, answers); });
    var a = answers[c.question];
    if (a === undefined) return false;
    if ("equals" in c) return matches(a, c.equals);
    if ("one_of" in c) return c.one_of.some(function (v) { return matches(a, v); });
    var n = numeric(a);
    if (n === null) return false;
    if ("gt" in c) return n > c.gt;
    if ("gte" in c) return n >= c.gte;
    if ("lt" in c) return n < c.lt;
    if ("lte" in c) return n <= c.lte;
    return false;
  }
  // Walks the questions in order: shows or hides each, and collects the shown answers.
  function evaluate() {
    var values = fields(), answers = {};
    questions.forEach(function (q) {
      var rule = q.dataset.showIf;
      q.hidden = rule ? !holds(JSON.parse(rule), answers) : false;
      if (q.hidden) return;
      var a = answerOf(q, values);
      if (a !== undefined) answers[q.dataset.question] = a;
    });
    return { values: values, answers: answers };
  }

  // --- pages ---
  function visible(page) { return page.querySelector(".question:not([hidden])") !== null; }
  function step(from, dir) {
    for (var i = from + dir; i >= 0 && i < pages.length; i += dir) if (visible(pages[i])) return i;
    return -1;
  }
  function show(i) {
    current = i;
    pages.forEach(function (p, j) { p.hidden = j !== i; });
    var shown = pages.filter(visible), at = shown.indexOf(pages[i]) + 1;
    byId("progress-text").textContent = say("progress", { at: at, of: shown.length });
    byId("progress").value = at / shown.length;
    byId("back").hidden = step(i, -1) < 0;
    byId("next").hidden = step(i, 1) < 0;
    byId("send").hidden = step(i, 1) >= 0;
  }
  function save() {
    var state = evaluate();
    localStorage.setItem(draftKey, JSON.stringify({ fields: state.values }));
    if (!visible(pages[current])) show(Math.max(step(current, -1), step(current, 1), 0));
    else show(current);
    return state;
  }
  function go(dir) {
    var next = step(current, dir);
    if (next >= 0) { show(next); pages[next].querySelector("h2").focus(); window.scrollTo(0, 0); }
  }
  pages.forEach(function (p) { p.querySelector("h2").tabIndex = -1; });

  form.addEventListener("change", function (ev) {
    var el = ev.target;
    // An exclusive choice ("none of these") and the others cannot be combined.
    if (el.type === "checkbox" && el.checked) {
      form.querySelectorAll('input[type=checkbox][name="' + el.name + '"]').forEach(function (other) {
        if (other !== el && (el.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) other.checked = false;
      });
    }
    save();
  });
  form.addEventListener("input", save);
  byId("back").addEventListener("click", function () { go(-1); });
  byId("next").addEventListener("click", function () { go(1); });

  function clearErrors() {
    problem.hidden = true;
    form.querySelectorAll(".question p.error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }
  function fail(message) { problem.textContent = message; problem.hidden = false; }

  var types = {};
  questions.forEach(function (q) { types[q.dataset.question] = q.dataset.type; });

  // The server's acknowledgement does not match what this browser sent: said loudly, the draft kept.
  function mismatch(found) {
    var what = found.problem === "salt"
      ? say("salt-mismatch")
      : found.problem === "answers"
        ? say("answers-mismatch", { questions: found.questions.join(", ") })
        : say("receipt-mismatch");
    fail(say("warning", { problem: what }));
    problem.focus();
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearErrors();
    var state = save(), send = byId("send");
    // Drawn once per ballot and kept until acknowledged, so a resend carries the same salt.
    var salt = T.saltFor(localStorage, survey);
    send.disabled = true;
    fetch(form.dataset.submit, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: token, salt: salt, language: form.dataset.lang, answers: state.answers }),
      credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store",
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        // 409 with a receipt: this very response was stored, but the first answer never came back.
        if (res.status === 201 || (res.status === 409 && body.receipt)) {
          return T.checkStored({ token: token, salt: salt, sent: state.answers, types: types, stored: body })
            .then(function (found) {
              if (found) { mismatch(found); return; }
              var done = { receipt: body.receipt, salt: salt, check: body.check };
              localStorage.setItem(receiptKey, JSON.stringify(done));
              localStorage.removeItem(draftKey);
              T.forgetToken(localStorage, survey);
              T.forgetSalt(localStorage, survey);
              showReceipt(done);
              byId("done").focus();
            });
        }
        var errors = body.errors || {}, firstPage = -1;
        Object.keys(errors).forEach(function (id) {
          var slot = byId("err-" + id), q = byId("q-" + id);
          if (!slot || !q) return;
          slot.textContent = errors[id];
          slot.hidden = false;
          q.querySelectorAll("input, textarea, select").forEach(function (el) { el.setAttribute("aria-invalid", "true"); });
          var p = pages.indexOf(q.closest("section.page"));
          if (firstPage < 0 || p < firstPage) firstPage = p;
        });
        if (firstPage >= 0) show(firstPage);
        fail((body.error || body.message || say("send-failed")) +
          (res.status >= 500 ? " " + say("answers-kept") : ""));
      });
    }, function () {
      fail(say("unreachable"));
    }).then(function () { send.disabled = false; });
  });

  save();
  show(step(-1, 1) < 0 ? 0 : step(-1, 1));
})();
