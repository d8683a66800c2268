// Requests to See It through the shop's app proxy (same origin), and direct uploads to storage. Every refusal
// becomes a SeeItError whose `code` is the API's error code, so the dialog can say it in the shopper's words.

export class SeeItError extends Error {
  constructor(code, { details = {}, retryAfter = null } = {}) {
    super(code);
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

const BY_STATUS = {
  410: 'room_session_expired',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function refusal(status, body, retryAfter) {
  const error = (body && body.error) || {};
  const code = error.code || BY_STATUS[status] || 'service_unavailable';
  return new SeeItError(code, { details: error.details || {}, retryAfter: Number(retryAfter) || null });
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function proxyClient(base) {
  /** One JSON request to `base + path`; resolves with the answer's body, rejects with a SeeItError. */
  async function request(path, { method = 'GET', json, headers = {} } = {}) {
    const init = { method, headers: { Accept: 'application/json', ...headers } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(base + path, init);
    } catch {
      throw new SeeItError('service_unavailable');
    }
    const body = parse(await response.text().catch(() => ''));
    if (!response.ok) throw refusal(response.status, body, response.headers.get('Retry-After'));
    return body;
  }

  /** An upload with progress (fetch cannot report it): resolves with the parsed answer of a 2xx. */
  function send(method, url, body, headers, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      for (const [name, value] of Object.entries(headers || {})) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      xhr.onload = () => {
        const answer = parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) resolve(answer);
        else reject(refusal(xhr.status, answer, xhr.getResponseHeader('Retry-After')));
      };
      xhr.onerror = () => reject(new SeeItError('service_unavailable'));
      xhr.send(body);
    });
  }

  /** Upload the room photo: straight to storage when the service offers it, else through the proxy. */
  async function uploadRoom(photo, onProgress) {
    let room = null;
    try {
      room = await request('/rooms', { method: 'POST', json: { content_type: photo.type } });
    } catch (error) {
      if (error.code === 'rate_limited' || error.code === 'service_unavailable') throw error;
    }
    const target = room && room.upload;
    if (!target) {
      const form = new FormData();
      form.append('image', photo, 'room.jpg');
      return send('POST', `${base}/rooms`, form, { Accept: 'application/json' }, onProgress);
    }
    if (target.method === 'POST') {
      const form = new FormData();
      for (const [name, value] of Object.entries(target.fields || {})) form.append(name, value);
      form.append('file', photo);
      await send('POST', target.url, form, {}, onProgress);
    } else {
      await send(target.method, target.url, photo, target.headers, onProgress);
    }
    return request(`/rooms/${room.id}/confirm`, { method: 'POST' });
  }

  /** The render job once it is finished, telling `onStage` each stage it passes through. */
  async function finishedRender(job, onStage) {
    while (job.status !== 'completed' && job.status !== 'failed') {
      onStage(job.stage || job.status);
      job = await request(`/renders/${job.id}?wait=3`);
    }
    return job;
  }

  return { request, uploadRoom, finishedRender };
}
