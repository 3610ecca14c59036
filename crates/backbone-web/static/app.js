// backbone's pages work as plain forms. This script makes them quicker between sets: a set is saved the
// moment its Done button is tapped (with a key made here, so a retry or a double tap is one set), the
// rest timer starts, and when the phone has no signal the set waits in this browser and is sent once the
// connection is back. The service worker keeps Today's page and these files for offline use.
(function () {
  'use strict';
  var QUEUE = 'backbone.queue';

  function queued() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }
  function keep(list) { localStorage.setItem(QUEUE, JSON.stringify(list)); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function setOf(form) {
    var data = new FormData(form);
    function num(name) {
      var v = (data.get(name) || '').toString().trim().replace(',', '.');
      return v === '' ? undefined : Number(v);
    }
    var load = num('load');
    if (load !== undefined && data.get('units') === 'lb') { load = Math.round(load * 0.45359237 * 100) / 100; }
    var set = { key: data.get('key'), exercise: data.get('exercise'), reps: num('reps'), seconds: num('seconds'),
      load_kg: load, rpe: num('rpe'), quality: num('quality'), pain: num('pain') };
    Object.keys(set).forEach(function (k) { if (set[k] === undefined) { delete set[k]; } });
    return set;
  }

  function send(set) {
    return fetch('/api/v1/sets', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(set) });
  }

  function say(text, error) {
    var box = document.getElementById('live');
    if (!box) {
      box = document.createElement('p');
      box.id = 'live';
      box.setAttribute('role', 'status');
      var main = document.getElementById('main');
      main.insertBefore(box, main.firstChild.nextSibling);
    }
    box.className = error ? 'message error' : 'message';
    box.textContent = text;
  }

  // Sends what waited offline; keeps what still cannot go. A set refused (4xx) is dropped and said.
  function flush() {
    var waiting = queued();
    if (!waiting.length) { return Promise.resolve(); }
    var left = [];
    return waiting.reduce(function (done, set) {
      return done.then(function () {
        return send(set).then(function (r) {
          if (r.status >= 500) { left.push(set); }
          else if (!r.ok) { return r.json().then(function (p) { say('A set logged offline was refused: ' + p.detail, true); }); }
        }, function () { left.push(set); });
      });
    }, Promise.resolve()).then(function () {
      keep(left);
      if (!left.length) {
        say('Sets logged offline are saved.');
        document.querySelectorAll('form.queued').forEach(function (f) { f.classList.remove('queued'); f.classList.add('done'); });
      }
    });
  }

  // The rest timer: counts down the exercise's rest, then vibrates and beeps where the browser allows.
  var timer = null;
  function rest(seconds) {
    var box = document.getElementById('timer');
    var left = document.getElementById('timer-left');
    if (!box || !seconds) { return; }
    var end = Date.now() + seconds * 1000;
    box.hidden = false;
    clearInterval(timer);
    function tick() {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      left.textContent = Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
      if (s === 0) {
        clearInterval(timer);
        if (navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
        beep();
        setTimeout(function () { box.hidden = true; }, 3000);
      }
    }
    tick();
    timer = setInterval(tick, 250);
  }
  function beep() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var ctx = new Ctx();
      var osc = ctx.createOscillator();
      osc.frequency.value = 880;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
    } catch (e) { /* no sound here: the vibration and the screen say it */ }
  }

  function submitted(event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-set]')) { return; }
    event.preventDefault();
    var set = setOf(form);
    var pain = form.hasAttribute('data-pain');
    var article = form.closest('[data-rest]');
    var button = form.querySelector('button');
    button.disabled = true;
    send(set).then(function (r) {
      button.disabled = false;
      if (r.ok) {
        if (pain) { window.location.href = '/today?msg=' + encodeURIComponent(set.pain >= 4
          ? 'Pain of 4/10 or more: stop this exercise for today; the session below shows its replacement (METHOD R3). Sharp or worsening pain: see a doctor or physical therapist. backbone gives training guidance, not medical advice.'
          : 'Pain noted.'); return; }
        form.classList.add('done');
        button.textContent = 'Done ✓';
        rest(article ? Number(article.getAttribute('data-rest')) : 0);
      } else if (r.status >= 500) {
        throw new Error('server');
      } else {
        return r.json().then(function (p) { say(p.detail, true); });
      }
    }).catch(function () {
      button.disabled = false;
      var waiting = queued();
      if (!waiting.some(function (s) { return s.key === set.key; })) { waiting.push(set); keep(waiting); }
      form.classList.add('queued');
      button.textContent = 'Saved offline';
      say('No connection: the set is kept on this phone and sent when the connection is back.');
      if (!pain) { rest(article ? Number(article.getAttribute('data-rest')) : 0); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // A fresh key per set form: the server's keys are for pages without this script.
    document.querySelectorAll('form[data-set] input[name="key"]').forEach(function (input) { input.value = newKey(); });
    document.addEventListener('submit', submitted);
    var skip = document.getElementById('timer-skip');
    if (skip) { skip.addEventListener('click', function () { clearInterval(timer); document.getElementById('timer').hidden = true; }); }
    window.addEventListener('online', flush);
    flush();
    if ('serviceWorker' in navigator) { navigator.serviceWorker.register('/sw.js').catch(function () {}); }
  });
}());
