// Single sign-on into the embedded Comet Server web interface (its postMessage API).
//
// The web interface posts {msg: "app_loaded"} to its parent when it is ready. Only that
// message, from the iframe's own window AND from the web interface's origin, starts a login:
// this page asks its own server for a fresh session key (POST sso/session) and posts the
// session_login / user_session_login message back to that origin only, never to "*".
// The iframe gets its src only once the listener is in place: app_loaded cannot be missed.
"use strict";
(() => {
  const frame = document.getElementById("comet");
  const cometOrigin = frame.dataset.origin;
  const status = document.getElementById("status");
  // What happened, for people and for tests: messages ignored (their origins), app_loaded
  // messages from the web interface, and logins sent.
  const state = { ignored: [], loaded: 0, logins: 0, error: null };
  window.cometSso = state;

  const show = (text) => { status.textContent = text; };
  let signingIn = false;

  async function signIn() {
    show("Signing in\u2026");
    const response = await fetch("sso/session", {
      method: "POST",
      headers: { "X-Requested-With": "aiocomet-sso" }, // not sendable cross-site without CORS
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`the portal answered HTTP ${response.status}`);
    const { message, targetOrigin } = await response.json();
    if (targetOrigin !== cometOrigin) throw new Error("the session is for another origin");
    frame.contentWindow.postMessage(message, targetOrigin);
    state.logins += 1;
    show(`Signed in as ${message.username}`);
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== cometOrigin || event.source !== frame.contentWindow) {
      state.ignored.push(event.origin);
      return;
    }
    if (!event.data || event.data.msg !== "app_loaded") return;
    state.loaded += 1;
    // Once per page: a later app_loaded (say, after the person logged out) is left alone.
    if (signingIn) return;
    signingIn = true;
    signIn().catch((err) => {
      signingIn = false; // a failed attempt may be retried by the next app_loaded
      state.error = String(err.message || err);
      show(`Sign-in failed: ${state.error}`);
    });
  });

  frame.src = frame.dataset.src;
})();
