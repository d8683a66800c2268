// What the shopper does in the visualizer, for the merchant's funnel: queued here and sent a batch at a time to
// the app proxy with navigator.sendBeacon (fetch with keepalive where it cannot), so a report never waits on
// anything and never holds up the page. Who the shopper is stays an anonymous id in the storefront's storage
// (cookies do not pass the app proxy); Shopify adds the logged-in customer's id itself.
const VISITOR_KEY = 'see-it-visitor';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BATCH = 25; // the most the service takes at once
const DELAY = 2000;
let visitor = null;

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The anonymous id that links one shopper's events, kept in localStorage (for this page only without it). */
export function visitorId() {
  if (visitor) return visitor;
  try {
    visitor = localStorage.getItem(VISITOR_KEY);
  } catch {
    visitor = null;
  }
  if (!visitor || !UUID.test(visitor)) {
    visitor = newId();
    try {
      localStorage.setItem(VISITOR_KEY, visitor);
    } catch {
      // private browsing: the id lasts as long as the page
    }
  }
  return visitor;
}

/** A reporter posting to `url`: `report(kind, fields)` queues, the batch leaves after a moment or on leaving. */
export function eventReporter(url) {
  const queue = [];
  let timer = 0;

  function send() {
    clearTimeout(timer);
    timer = 0;
    while (queue.length) {
      const body = JSON.stringify({ visitor_id: visitorId(), events: queue.splice(0, BATCH) });
      const queued = navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
      if (!queued) {
        fetch(url, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'application/json' } }).catch(() => {});
      }
    }
  }

  addEventListener('pagehide', send);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && send());
  return {
    report(kind, fields) {
      queue.push({ kind, ...fields });
      if (!timer) timer = setTimeout(send, DELAY);
    },
  };
}
