// A stand-in for Shopify's App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js), for the local
// demo and the browser tests, which have no Shopify. Like the real one it must load first, synchronously,
// and it offers what See It's admin uses: `shopify.idToken()` (a session token the framing admin signs),
// `fetch` that adds that token to the app's own /api/admin/* requests (and retries once when the service
// asks for a fresh one), `shopify.toast.show`, `window.open(url, "_top")` as a redirect of the admin
// itself, and <s-app-nav> items shown in the admin's sidebar. It talks to the admin stand-in
// (admin.html) by postMessage; it is not Shopify's code.
(function () {
  "use strict";
  const framed = window.parent !== window;
  const style = document.createElement("style");
  style.textContent = "s-app-nav{display:none!important}";
  document.head.append(style);
  if (!framed) return; // the real App Bridge sends a page opened outside the admin back to it

  const pending = new Map();
  let sequence = 0;
  const params = new URLSearchParams(window.location.search);
  const apiKey = document.querySelector('meta[name="shopify-api-key"]')?.getAttribute("content") || "";

  function post(message) {
    window.parent.postMessage({ seeitAdmin: true, ...message }, "*");
  }

  function ask(type) {
    return new Promise((resolve, reject) => {
      const id = ++sequence;
      pending.set(id, { resolve, reject });
      post({ type, id });
      window.setTimeout(() => {
        if (pending.delete(id)) reject(new Error("The Shopify admin did not answer."));
      }, 5000);
    });
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data?.seeitAdmin) return;
    const message = event.data;
    if (message.type === "reply" && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(message.error));
      else resolve(message.value);
    } else if (message.type === "navigate") {
      window.history.pushState({}, "", message.path + window.location.search);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }
  });

  const shopify = {
    config: { apiKey, shop: params.get("shop"), host: params.get("host"), locale: params.get("locale") || "en" },
    idToken: () => ask("idToken"),
    toast: {
      show(message, options = {}) {
        const id = `toast-${++sequence}`;
        post({ type: "toast", id, message: String(message), isError: Boolean(options.isError), duration: options.duration || 5000 });
        return id;
      },
      hide(id) {
        post({ type: "toast-hide", id });
      },
    },
  };
  window.shopify = shopify;

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async function fetchWithSessionToken(input, init = {}) {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== window.location.origin || !url.pathname.startsWith("/api/admin/")) return nativeFetch(request);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
    const send = async () => {
      const headers = new Headers(request.headers);
      headers.set("Authorization", `Bearer ${await shopify.idToken()}`);
      return nativeFetch(request.url, { method: request.method, headers, body });
    };
    const response = await send();
    if (response.status === 401 && response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
      return send();
    }
    return response;
  };

  const nativeOpen = window.open.bind(window);
  window.open = function openThroughAdmin(url, target, features) {
    if (target === "_top" || target === "_parent" || String(url).startsWith("shopify://")) {
      post({ type: "redirect", url: new URL(String(url), window.location.href).href });
      return null;
    }
    return nativeOpen(url, target, features);
  };

  function sendNav() {
    const nav = document.querySelector("s-app-nav");
    const items = nav
      ? [...nav.querySelectorAll("s-link, a")].map((link) => ({
          label: link.textContent.trim(),
          href: link.getAttribute("href"),
          home: link.getAttribute("rel") === "home",
        }))
      : [];
    post({ type: "nav", items, path: window.location.pathname });
  }

  for (const name of ["pushState", "replaceState"]) {
    const original = window.history[name].bind(window.history);
    window.history[name] = function (...args) {
      const result = original(...args);
      post({ type: "path", path: window.location.pathname });
      return result;
    };
  }
  window.addEventListener("popstate", () => post({ type: "path", path: window.location.pathname }));
  document.addEventListener("DOMContentLoaded", sendNav);
})();
