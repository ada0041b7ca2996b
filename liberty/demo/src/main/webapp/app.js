// The demo's chat page: signs in with HTTP Basic through fetch (so EventSource is not used: it cannot send an
// Authorization header), reads the backend's server-sent events from a streamed fetch, and resumes that stream
// with Last-Event-ID so that no relayed event is lost or shown twice.
//
// A message the user sends is "pending" until the backend answers that Wonderful accepted it, then "sent", and
// confirmed when it comes back in the agent's transcript; when it fails it is "not delivered", with a Retry button
// that sends the same bubble again (nothing is re-sent on its own). A chat that ended, or whose connection the
// backend gave up on, offers a new chat; errors show at the top and are cleared once they no longer hold.
'use strict';

const $ = (id) => document.getElementById(id);
const STREAM_RETRY_MS = 1000;
const REFRESH_BEFORE_EXPIRY_MS = 60_000;

const state = {
  authorization: null,
  entityId: null,
  lastEventId: null,
  // Every chat the page shows gets a new generation; the stream and the replies of an older one are ignored.
  generation: 0,
  stream: null,
  over: false,
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

// One error line at the top per key: a newer one replaces it, clearError(key) removes it once it no longer holds.
function showError(text, key = 'general') {
  clearError(key);
  const item = document.createElement('li');
  item.dataset.key = key;
  const message = document.createElement('span');
  message.textContent = new Date().toLocaleTimeString() + ' ' + text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'dismiss';
  dismiss.title = 'Dismiss';
  dismiss.textContent = '×';
  dismiss.addEventListener('click', () => item.remove());
  item.append(message, dismiss);
  $('errors').append(item);
}

function clearError(key) {
  $('errors').querySelectorAll('li').forEach((item) => {
    if (item.dataset.key === key) {
      item.remove();
    }
  });
}

function clearErrors() {
  $('errors').replaceChildren();
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

// This chat cannot go on: says why right above the input and offers a new chat.
function showOver(text, { canSend }) {
  state.over = true;
  $('chat-notice-text').textContent = text;
  $('chat-notice').hidden = false;
  $('end-chat').hidden = true;
  $('message-input').disabled = !canSend;
  $('send').disabled = !canSend;
}

function addMessage(speaker, text) {
  const item = document.createElement('li');
  item.dataset.speaker = speaker;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  item.append(body);
  $('messages').append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

// The delivery state of one of the user's bubbles: pending, sent, failed (with the reason and a Retry button),
// or unanswered (accepted, but the connection was lost before its answer could arrive).
function setDelivery(bubble, status, note) {
  bubble.dataset.delivery = status;
  bubble.classList.toggle('pending', status === 'pending');
  bubble.classList.toggle('failed', status === 'failed');
  bubble.classList.toggle('unanswered', status === 'unanswered');
  bubble.querySelectorAll('.delivery, .retry').forEach((element) => element.remove());
  if (status === 'sent') {
    return;
  }
  const line = document.createElement('span');
  line.className = 'delivery';
  line.textContent = status === 'pending' ? 'Sending…' : note;
  bubble.append(line);
  if (status === 'failed') {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'retry';
    retry.textContent = 'Retry';
    retry.addEventListener('click', () => deliver(bubble));
    bubble.append(retry);
  }
}

// The user's own text comes back from the agent's transcript as a "customer" message: it confirms the oldest
// bubble of that text still waiting for it, instead of adding a second one.
function confirmOwnMessage(text) {
  const mine = [...$('messages').querySelectorAll('li[data-speaker="customer"][data-awaiting]')]
      .find((item) => item.querySelector('.text').textContent === text && item.dataset.delivery !== 'failed');
  if (!mine) {
    return false;
  }
  delete mine.dataset.awaiting;
  setDelivery(mine, 'sent');
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
  state.refreshTimer = setTimeout(() => refreshToken().catch((e) => showError('Token refresh failed: ' + e.message, 'refresh')), delay);
}

// The seed's refreshToken(entityId): a fresh token for the same end user, from the backend.
async function refreshToken() {
  const response = await postJson('refresh-sdk-token', { entityId: state.entityId });
  if (!response.ok) {
    showError('Token refresh failed: ' + await errorOf(response), 'refresh');
    return;
  }
  clearError('refresh');
  showToken(await response.json());
}

const handlers = {
  state: (data) => {
    setConnection(data.connectionState);
    if (data.connectionState === 'disconnected') {
      connectionLost();
    }
  },
  connected: () => setConnection('connected'),
  reconnected: () => setConnection('connected'),
  disconnected: (data) => {
    setConnection(data.willRetry ? 'reconnecting' : 'disconnected');
    if (!data.willRetry) {
      connectionLost();
    }
  },
  message: (data) => {
    if (data.speaker !== 'customer' || !confirmOwnMessage(data.text)) {
      addMessage(data.speaker, data.text);
    }
  },
  'turn-ended': () => {},
  error: (data) => showError((data.code ? data.code + ': ' : '') + data.message, 'chat'),
  ended: (data) => {
    state.ended = true;
    setConnection('ended');
    addMessage('system', 'Chat ended' + (data.endedBy ? ' by ' + data.endedBy : ''));
    unanswered('the chat ended before its answer');
    showOver('The chat has ended.', { canSend: false });
  },
};

// Reconnecting gave up: no answer can arrive in this chat any more. Sending stays possible, so that the backend
// reports a message typed now as not delivered; a new chat is offered.
function connectionLost() {
  unanswered('sent, but the connection was lost before its answer');
  showOver('The connection to the agent was lost and could not be restored: start a new chat.', { canSend: true });
}

function unanswered(note) {
  $('messages').querySelectorAll('li[data-awaiting][data-delivery="sent"]').forEach((bubble) => {
    delete bubble.dataset.awaiting;
    setDelivery(bubble, 'unanswered', note);
  });
}

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

class StreamRefused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function readEvents(generation, signal) {
  const headers = { Accept: 'text/event-stream' };
  if (state.lastEventId !== null) {
    headers['Last-Event-ID'] = state.lastEventId;
  }
  const response = await api('chat/events', { headers, signal });
  if (!response.ok) {
    throw new StreamRefused(response.status, await errorOf(response));
  }
  clearError('stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done || generation !== state.generation) {
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

// Keeps this chat's event stream open until the chat ends or the page moves on (new chat, sign-out); a broken
// stream is resumed where it stopped. A backend that no longer knows the chat (404) ends the loop.
async function streamEvents(generation) {
  const controller = new AbortController();
  state.stream = controller;
  while (generation === state.generation && !state.ended) {
    const opened = Date.now();
    try {
      // The backend closes every stream after a few seconds (so that a server stop never waits on one): resume
      // at once, unless it closed right away.
      await readEvents(generation, controller.signal);
      if (Date.now() - opened >= STREAM_RETRY_MS) {
        continue;
      }
    } catch (e) {
      if (generation !== state.generation) {
        return;
      }
      if (e instanceof StreamRefused && e.status === 404) {
        setConnection('disconnected');
        showOver('The server no longer knows this chat: start a new chat.', { canSend: false });
        return;
      }
      showError('Event stream interrupted: ' + e.message, 'stream');
    }
    await new Promise((resolve) => setTimeout(resolve, STREAM_RETRY_MS));
  }
}

function stopStream() {
  state.generation += 1;
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
}

// HTTP Basic credentials, UTF-8 encoded (RFC 7617).
function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

async function signIn(event) {
  event.preventDefault();
  clearErrors();
  const user = $('username').value;
  state.authorization = basic(user, $('password').value);
  const token = await postJson('sdk-token');
  if (!token.ok) {
    showError(token.status === 401 ? 'Sign-in failed: wrong user or password' : 'Sign-in failed: ' + await errorOf(token), 'sign-in');
    state.authorization = null;
    return;
  }
  showToken(await token.json());
  $('password').value = '';
  $('user-name').textContent = user;
  $('sign-in-panel').hidden = true;
  $('chat-panel').hidden = false;
  await startChat();
}

// Starts the user's chat (the backend returns the one in progress, or a new one when the last one is over) and
// shows it from the beginning.
async function startChat() {
  stopStream();
  const generation = state.generation;
  state.lastEventId = null;
  state.over = false;
  state.ended = false;
  clearError('chat');
  clearError('stream');
  $('messages').replaceChildren();
  $('state-history').replaceChildren();
  $('session-id').textContent = '';
  $('connection-state').dataset.state = 'idle';
  $('chat-notice').hidden = true;
  $('end-chat').hidden = false;
  $('message-input').disabled = false;
  $('send').disabled = false;
  setConnection('connecting');
  const chat = await postJson('chat');
  if (generation !== state.generation) {
    return;
  }
  if (!chat.ok) {
    setConnection('disconnected');
    showOver('Could not start the chat: ' + await errorOf(chat), { canSend: false });
    $('new-chat').textContent = 'Try again';
    return;
  }
  $('new-chat').textContent = 'New chat';
  $('session-id').textContent = (await chat.json()).sessionId;
  streamEvents(generation);
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
  await deliver(addMessage('customer', text));
}

// Sends one bubble's text (again, for a retry): pending until the backend answers, then sent or failed.
async function deliver(bubble) {
  const generation = state.generation;
  const text = bubble.querySelector('.text').textContent;
  bubble.dataset.awaiting = 'true';
  setDelivery(bubble, 'pending');
  let failure;
  try {
    const response = await postJson('chat/messages', { text });
    failure = response.ok ? null : await errorOf(response);
  } catch (e) {
    failure = 'the demo server could not be reached (' + e.message + ')';
  }
  if (generation !== state.generation) {
    return;
  }
  if (failure === null) {
    if (bubble.dataset.awaiting && bubble.dataset.delivery === 'pending') {
      setDelivery(bubble, 'sent');
    }
  } else {
    delete bubble.dataset.awaiting;
    setDelivery(bubble, 'failed', 'Not delivered: ' + failure);
  }
}

async function endChat() {
  const response = await api('chat', { method: 'DELETE' });
  if (!response.ok) {
    showError('Could not end the chat: ' + await errorOf(response), 'chat');
  }
}

// Forgets the credentials on this page (the backend keeps the chat: signing in again returns to it if it goes on).
function signOut() {
  stopStream();
  clearTimeout(state.refreshTimer);
  Object.assign(state, { authorization: null, entityId: null, lastEventId: null, over: false, ended: false, refreshTimer: null });
  clearErrors();
  $('messages').replaceChildren();
  $('state-history').replaceChildren();
  ['user-name', 'user-id', 'token-expiry', 'session-id'].forEach((id) => { $(id).textContent = ''; });
  $('connection-state').dataset.state = 'idle';
  $('connection-state').textContent = 'idle';
  $('chat-panel').hidden = true;
  $('sign-in-panel').hidden = false;
  $('username').focus();
}

function reportTo(key, prefix) {
  return (err) => showError(prefix + err.message, key);
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', (e) => signIn(e).catch(reportTo('sign-in', 'Sign-in failed: ')));
  $('send-form').addEventListener('submit', (e) => send(e).catch(reportTo('send', 'Send failed: ')));
  $('end-chat').addEventListener('click', () => endChat().catch(reportTo('chat', 'End failed: ')));
  $('new-chat').addEventListener('click', () => startChat().catch(reportTo('chat', 'Could not start the chat: ')));
  $('sign-out').addEventListener('click', signOut);
});
