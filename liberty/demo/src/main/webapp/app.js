// The demo's chat page: signs in with HTTP Basic through fetch (so EventSource is not used: it cannot send an
// Authorization header), reads the backend's server-sent events from a streamed fetch, and resumes that stream
// with Last-Event-ID so that no relayed event is lost or shown twice.
'use strict';

const $ = (id) => document.getElementById(id);
const STREAM_RETRY_MS = 1000;
const REFRESH_BEFORE_EXPIRY_MS = 60_000;

const state = {
  authorization: null,
  entityId: null,
  lastEventId: null,
  streaming: false,
  ended: false,
  refreshTimer: null,
};

// credentials 'omit': every call is authenticated by its Authorization header alone (no session cookie), and a
// refused sign-in comes back to this script as a 401 instead of opening the browser's own password dialog.
function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers, { Authorization: state.authorization });
  return fetch('api/' + path, Object.assign({}, options, { headers, cache: 'no-store', credentials: 'omit' }));
}

function postJson(path, body) {
  return api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorOf(response) {
  try {
    const body = await response.json();
    return (body.code ? body.code + ': ' : '') + (body.message || response.statusText);
  } catch (e) {
    return 'HTTP ' + response.status + ' ' + response.statusText;
  }
}

function showError(text) {
  const item = document.createElement('li');
  item.textContent = new Date().toLocaleTimeString() + ' ' + text;
  $('errors').append(item);
}

function setConnection(name) {
  const label = $('connection-state');
  if (label.dataset.state === name) {
    return;
  }
  label.dataset.state = name;
  label.textContent = name;
  const entry = document.createElement('li');
  entry.dataset.state = name;
  entry.textContent = new Date().toLocaleTimeString() + ' ' + name;
  $('state-history').append(entry);
}

function addMessage(speaker, text) {
  const item = document.createElement('li');
  item.dataset.speaker = speaker;
  item.textContent = text;
  $('messages').append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

// The user's own text comes back from the agent's transcript as a "customer" message: it confirms the bubble
// shown when it was sent instead of adding a second one.
function confirmOwnMessage(text) {
  const mine = [...$('messages').querySelectorAll('li[data-speaker="customer"][data-local]')]
      .find((item) => item.textContent === text);
  if (!mine) {
    return false;
  }
  delete mine.dataset.local;
  mine.classList.remove('pending');
  return true;
}

function showToken(token) {
  state.entityId = token.id;
  $('user-id').textContent = token.id;
  const expiry = new Date(token.expiresAt * 1000);
  $('token-expiry').textContent = expiry.toLocaleTimeString();
  $('token-expiry').dateTime = expiry.toISOString();
  clearTimeout(state.refreshTimer);
  const delay = Math.max(expiry.getTime() - Date.now() - REFRESH_BEFORE_EXPIRY_MS, 5_000);
  state.refreshTimer = setTimeout(refreshToken, delay);
}

// The seed's refreshToken(entityId): a fresh token for the same end user, from the backend.
async function refreshToken() {
  const response = await postJson('refresh-sdk-token', { entityId: state.entityId });
  if (!response.ok) {
    showError('Token refresh failed: ' + await errorOf(response));
    return;
  }
  showToken(await response.json());
}

const handlers = {
  state: (data) => setConnection(data.connectionState),
  connected: () => setConnection('connected'),
  reconnected: () => setConnection('connected'),
  disconnected: (data) => setConnection(data.willRetry ? 'reconnecting' : 'disconnected'),
  message: (data) => {
    if (data.speaker !== 'customer' || !confirmOwnMessage(data.text)) {
      addMessage(data.speaker, data.text);
    }
  },
  'turn-ended': () => {},
  error: (data) => showError((data.code ? data.code + ': ' : '') + data.message),
  ended: (data) => {
    state.ended = true;
    setConnection('ended');
    addMessage('system', 'Chat ended' + (data.endedBy ? ' by ' + data.endedBy : ''));
    $('send').disabled = true;
  },
};

function dispatch(block) {
  let id = null;
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      id = value;
    } else if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length === 0) {
    return;
  }
  // The backend replays from Last-Event-ID; an event at or before it was already shown.
  if (id !== null && state.lastEventId !== null && Number(id) <= Number(state.lastEventId)) {
    return;
  }
  if (id !== null) {
    state.lastEventId = id;
  }
  const handler = handlers[event];
  if (handler) {
    handler(JSON.parse(data.join('\n')));
  }
}

async function readEvents() {
  const headers = { Accept: 'text/event-stream' };
  if (state.lastEventId !== null) {
    headers['Last-Event-ID'] = state.lastEventId;
  }
  const response = await api('chat/events', { headers });
  if (!response.ok) {
    throw new Error(await errorOf(response));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

// Keeps the event stream open until the chat ends; a broken stream is resumed where it stopped.
async function streamEvents() {
  if (state.streaming) {
    return;
  }
  state.streaming = true;
  while (!state.ended) {
    try {
      await readEvents();
    } catch (e) {
      showError('Event stream interrupted: ' + e.message);
    }
    if (!state.ended) {
      await new Promise((resolve) => setTimeout(resolve, STREAM_RETRY_MS));
    }
  }
  state.streaming = false;
}

// HTTP Basic credentials, UTF-8 encoded (RFC 7617).
function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

async function signIn(event) {
  event.preventDefault();
  const user = $('username').value;
  state.authorization = basic(user, $('password').value);
  const token = await postJson('sdk-token');
  if (!token.ok) {
    showError(token.status === 401 ? 'Sign-in failed: wrong user or password' : 'Sign-in failed: ' + await errorOf(token));
    state.authorization = null;
    return;
  }
  showToken(await token.json());
  $('user-name').textContent = user;
  $('sign-in-panel').hidden = true;
  $('chat-panel').hidden = false;
  setConnection('connecting');
  const chat = await postJson('chat');
  if (!chat.ok) {
    showError('Could not start the chat: ' + await errorOf(chat));
    setConnection('disconnected');
    return;
  }
  $('session-id').textContent = (await chat.json()).sessionId;
  streamEvents();
  $('message-input').focus();
}

async function send(event) {
  event.preventDefault();
  const input = $('message-input');
  const text = input.value.trim();
  if (text === '') {
    return;
  }
  input.value = '';
  const bubble = addMessage('customer', text);
  bubble.dataset.local = 'true';
  bubble.classList.add('pending');
  const response = await postJson('chat/messages', { text });
  if (response.ok) {
    bubble.classList.remove('pending');
  } else {
    delete bubble.dataset.local;
    bubble.classList.replace('pending', 'failed');
    showError('Not delivered: "' + text + '": ' + await errorOf(response));
  }
}

async function endChat() {
  const response = await api('chat', { method: 'DELETE' });
  if (!response.ok) {
    showError('Could not end the chat: ' + await errorOf(response));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', (e) => signIn(e).catch((err) => showError('Sign-in failed: ' + err.message)));
  $('send-form').addEventListener('submit', (e) => send(e).catch((err) => showError('Send failed: ' + err.message)));
  $('end-chat').addEventListener('click', () => endChat().catch((err) => showError('End failed: ' + err.message)));
});
