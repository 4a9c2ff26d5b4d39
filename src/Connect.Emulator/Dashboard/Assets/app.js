// The emulator dashboard's only script: live updates over server-sent events, and the storefront forms, which call
// the emulator's own APIs. A session cookie signs the calls in; the X-Connect-Dashboard header marks them as the
// dashboard's (the emulator accepts the cookie for API calls only with it).
(() => {
  'use strict';

  const flash = document.getElementById('flash');
  const live = document.getElementById('live');

  function say(text, isError) {
    if (!flash) return;
    flash.textContent = text;
    flash.className = isError ? 'flash error' : 'flash ok';
    flash.hidden = false;
  }

  async function api(method, path, body) {
    const headers = { 'X-Connect-Dashboard': '1', 'Accept': 'application/json' };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) {
      const detail = json && Array.isArray(json.errors) ? `${json.errors.join(' ')} (${json.error_code})` : `${response.status} ${response.statusText}`;
      throw new Error(detail);
    }
    return json;
  }

  const params = form => Array.from(form.querySelectorAll('[data-param]'))
    .map(input => ({ id: input.dataset.param, value: input.value.trim() }));

  const items = form => Array.from(form.querySelectorAll('[data-item]'))
    .filter(input => input.value !== '')
    .map(input => ({ mpn: input.dataset.item, quantity: String(input.value) }));

  // One builder per kind of form: it calls the API and returns where to go next (or nothing to stay).
  const actions = {
    async purchase(form) {
      const data = new FormData(form);
      const body = {
        type: 'purchase',
        product_id: data.get('product_id'),
        customer_id: data.get('customer_id') || undefined,
        tier1_id: data.get('tier1_id') || undefined,
        items: items(form).filter(i => i.quantity !== '0'),
        params: params(form),
      };
      const created = await api('POST', '/emulator/v1/requests', body);
      return `/ui/requests/${encodeURIComponent(created.id)}`;
    },
    async 'asset-request'(form) {
      const body = { type: form.dataset.type, asset_id: form.dataset.asset };
      if (form.dataset.type === 'change') body.items = items(form);
      const created = await api('POST', '/emulator/v1/requests', body);
      return `/ui/requests/${encodeURIComponent(created.id)}`;
    },
    async 'tier-request'(form) {
      const data = new FormData(form);
      const [kind, id] = String(data.get('target') || '').split(':');
      const configuration = kind === 'config'
        ? { id }
        : { product: { id: data.get('product_id') }, account: { id } };
      const body = { configuration, params: params(form) };
      const created = await api('POST', '/public/v1/tier/config-requests', body);
      return `/ui/tier-config-requests/${encodeURIComponent(created.id)}`;
    },
    async 'usage-upload'(form) {
      const data = new FormData(form);
      const created = await api('POST', '/public/v1/usage/files', {
        name: data.get('name'),
        product: { id: data.get('product_id') },
        contract: { id: data.get('contract_id') },
      });
      const upload = new FormData();
      upload.append('usage_file', data.get('usage_file'));
      try {
        await api('POST', `/public/v1/usage/files/${encodeURIComponent(created.id)}/upload`, upload);
      } catch (error) {
        throw new Error(`Usage file ${created.id} was created, but the upload failed: ${error.message}`);
      }
      return `/ui/usage-files/${encodeURIComponent(created.id)}`;
    },
    async 'fill-params'(form) {
      const kind = form.dataset.kind;
      const id = encodeURIComponent(form.dataset.id);
      const values = params(form).map(p => ({ id: p.id, value: p.value, value_error: '' }));
      if (kind === 'requests') {
        await api('PUT', `/public/v1/requests/${id}`, { asset: { params: values } });
        await api('POST', `/public/v1/requests/${id}/pend`, {});
      } else {
        await api('PUT', `/public/v1/tier/config-requests/${id}`, { params: values });
        await api('POST', `/public/v1/tier/config-requests/${id}/pend`, {});
      }
      delete form.dataset.dirty;
      say('Saved; the request is pending again.', false);
      return null;
    },
  };

  document.addEventListener('submit', async event => {
    const form = event.target.closest('form[data-action]');
    if (!form || !actions[form.dataset.action]) return;
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach(b => { b.disabled = true; });
    try {
      const next = await actions[form.dataset.action](form);
      if (next) window.location.assign(next);
    } catch (error) {
      say(error.message, true);
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  });

  // A form being filled in is never replaced by a live update.
  document.addEventListener('input', event => {
    const form = event.target.closest('form[data-action]');
    if (form) form.dataset.dirty = '1';
  });

  // Filter and product pickers apply on change.
  document.addEventListener('change', event => {
    const form = event.target.closest('form[data-autosubmit]');
    if (form) form.requestSubmit();
  });

  // Live updates: re-render the page's [data-live] regions whenever the emulator reports a change.
  let version = Number(document.body.dataset.version || 0);
  let running = false;
  let again = false;

  async function refresh() {
    if (running) { again = true; return; }
    running = true;
    try {
      do {
        again = false;
        const response = await fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) break;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
        version = Math.max(version, Number(fresh.body.dataset.version || 0));
        document.querySelectorAll('[data-live]').forEach(region => {
          const replacement = fresh.getElementById(region.id);
          if (!replacement || region.querySelector('form[data-dirty]')) return;
          if (replacement.innerHTML !== region.innerHTML) region.replaceWith(document.importNode(replacement, true));
        });
        document.body.dataset.refreshed = String(version);
      } while (again);
    } catch {
      // The next event retries.
    } finally {
      running = false;
    }
  }

  const eventsUrl = document.body.dataset.liveEvents;
  if (eventsUrl && 'EventSource' in window) {
    const source = new EventSource(eventsUrl);
    source.addEventListener('hello', event => {
      if (live) { live.textContent = 'live'; live.className = 'live on'; }
      if (Number(event.data) > version) refresh();
    });
    source.addEventListener('change', event => {
      if (Number(event.data) > version) refresh();
    });
    source.addEventListener('error', () => {
      if (live) { live.textContent = 'reconnecting'; live.className = 'live off'; }
    });
  }
})();
