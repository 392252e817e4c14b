// Plays the web interface's side of the postMessage API: announce app_loaded to the page
// that embeds us, then check any session_login / user_session_login with our own server.
"use strict";
(() => {
  const shown = document.getElementById("login");
  window.addEventListener("message", async (event) => {
    const data = event.data || {};
    if (data.msg !== "session_login" && data.msg !== "user_session_login") return;
    const response = await fetch("login", { method: "POST", body: JSON.stringify(data) });
    shown.textContent = await response.text();
  });
  (window.opener || window.parent).postMessage({ msg: "app_loaded" }, "*");
})();
