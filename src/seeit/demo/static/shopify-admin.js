// The Shopify admin's part, played for the local demo and the browser tests: the page that frames the app.
// It signs the embedded load's query (hmac, as Shopify does), mints session tokens for the app's App Bridge
// stand-in (HS256 with the app's secret, the claims Shopify puts in them), shows the app's navigation in
// its sidebar and the app's toasts, and shows a redirect the app asks for instead of leaving. Its
// configuration is the JSON in #seeit-admin-config.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("seeit-admin-config").textContent);
  const encoder = new TextEncoder();
  const frame = document.getElementById("app-frame");
  const toasts = document.getElementById("toasts");
  const nav = document.getElementById("app-nav");
  const notice = document.getElementById("admin-notice");
  let keyPromise = null;

  function key() {
    keyPromise ||= crypto.subtle.importKey("raw", encoder.encode(config.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return keyPromise;
  }

  async function hmac(text) {
    return new Uint8Array(await crypto.subtle.sign("HMAC", await key(), encoder.encode(text)));
  }

  const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  const json64 = (value) => base64url(encoder.encode(JSON.stringify(value)));

  async function sessionToken() {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `https://${config.shop}/admin`,
      dest: `https://${config.shop}`,
      aud: config.apiKey,
      sub: String(config.userId),
      exp: now + 60,
      nbf: now - 1,
      iat: now - 1,
      jti: crypto.randomUUID(),
      sid: crypto.randomUUID(),
    };
    const unsigned = `${json64({ alg: "HS256", typ: "JWT" })}.${json64(claims)}`;
    return `${unsigned}.${base64url(await hmac(unsigned))}`;
  }

  async function signedQuery() {
    const store = config.shop.replace(".myshopify.com", "");
    const params = {
      embedded: "1",
      host: btoa(`admin.shopify.com/store/${store}`).replace(/=+$/, ""),
      locale: "en",
      shop: config.shop,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const message = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("&");
    return new URLSearchParams({ ...params, hmac: hex(await hmac(message)) }).toString();
  }

  function reply(id, value, error) {
    frame.contentWindow.postMessage({ seeitAdmin: true, type: "reply", id, value, error }, "*");
  }

  function showToast(message) {
    const item = document.createElement("div");
    item.className = `toast${message.isError ? " toast-error" : ""}`;
    item.setAttribute("role", "status");
    item.dataset.toast = message.id;
    item.textContent = message.message;
    toasts.append(item);
    window.setTimeout(() => item.remove(), message.duration || 5000);
  }

  function drawNav(items, path) {
    nav.replaceChildren(
      ...items.map((item) => {
        const link = document.createElement("a");
        link.href = "#";
        link.textContent = item.label;
        link.dataset.href = item.href;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          frame.contentWindow.postMessage({ seeitAdmin: true, type: "navigate", path: item.href }, "*");
        });
        return link;
      }),
    );
    markCurrent(path);
  }

  function markCurrent(path) {
    for (const link of nav.querySelectorAll("a")) link.classList.toggle("current", link.dataset.href === path);
  }

  window.addEventListener("message", async (event) => {
    if (event.source !== frame.contentWindow || !event.data?.seeitAdmin) return;
    const message = event.data;
    if (message.type === "idToken") {
      try {
        reply(message.id, await sessionToken());
      } catch (error) {
        reply(message.id, null, String(error));
      }
    } else if (message.type === "toast") {
      showToast(message);
    } else if (message.type === "toast-hide") {
      toasts.querySelector(`[data-toast="${message.id}"]`)?.remove();
    } else if (message.type === "nav") {
      drawNav(message.items, message.path);
    } else if (message.type === "path") {
      markCurrent(message.path);
    } else if (message.type === "redirect") {
      notice.hidden = false;
      notice.querySelector("code").textContent = message.url;
      notice.dataset.url = message.url;
    }
  });

  signedQuery().then((query) => {
    frame.src = `${config.appUrl}${config.path || "/app"}?${query}`;
  });
})();
