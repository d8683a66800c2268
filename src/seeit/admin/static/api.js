// The admin's one way to the service: App Bridge's fetch adds the session token to /api/admin/*; errors
// come back in the service's envelope and become an ApiError with its human message.
import { t } from "./i18n.js";

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

// Sent on the document whenever the service refuses for a used-up quota, so the shown screen can offer the upgrade.
export const QUOTA_EXCEEDED = "seeit:quota-exceeded";

export async function api(path, { method = "GET", json, body, query } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const init = { method, headers: {} };
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  let response;
  try {
    response = await fetch(url.pathname + url.search, init);
  } catch {
    throw new ApiError(0, "network", t("error.network"));
  }
  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error || {};
    if (error.code === "quota_exceeded") {
      document.dispatchEvent(new CustomEvent(QUOTA_EXCEEDED, { detail: { message: error.message || "", details: error.details } }));
    }
    throw new ApiError(response.status, error.code || "unknown", error.message || response.statusText, error.details);
  }
  return payload;
}

// A field's own message from a validation_error, when the service named the field.
export function fieldMessage(error, field) {
  const fields = error?.details?.fields || [];
  const found = fields.find((f) => (f.loc || []).at(-1) === field);
  return found ? found.message : null;
}

export function toast(message, { error = false } = {}) {
  window.shopify?.toast?.show(message, { isError: error, duration: error ? 8000 : 4000 });
}

// Runs an action a person asked for; a failure is shown as an error toast, never thrown into the console.
export async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    toast(error instanceof ApiError ? error.message : t("error.generic", { message: String(error?.message || error) }), {
      error: true,
    });
    return undefined;
  }
}
