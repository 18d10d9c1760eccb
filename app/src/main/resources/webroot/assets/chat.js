// The chat panel: a plain WebSocket to the engine's chat endpoint (IVS Chat messaging protocol),
// token from the app, owner moderation, automatic reconnection with backoff.
import { postJson } from './app.js';

const MAX_MESSAGES = 250;

export class ChatPanel {
  constructor(root) {
    this.root = root;
    this.channel = root.dataset.channel;
    this.list = root.querySelector('#chat-messages');
    this.form = root.querySelector('#chat-form');
    this.input = root.querySelector('#chat-input');
    this.state = root.querySelector('#chat-state');
    this.note = root.querySelector('#chat-note');
    this.attempt = 0;
    this.kicked = false;
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.send(); });
    this.list.addEventListener('click', (event) => this.moderate(event));
  }

  async connect() {
    clearTimeout(this.timer);
    this.setState('Connecting…', 'connecting');
    let grant;
    try {
      grant = await postJson('/api/chat/token', { channel: this.channel });
    } catch (e) {
      this.retryLater(e.status === 403 ? 'Reload the page to chat.' : 'Chat is unavailable.');
      return;
    }
    this.me = grant;
    this.form.hidden = !grant.canSend;
    this.showNote(grant.canSend ? '' : grant.readOnlyReason);
    let socket;
    try {
      socket = new WebSocket(grant.chatUrl, grant.token);
    } catch (e) {
      this.retryLater('Chat is unavailable.');
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => { this.attempt = 0; this.setState('Connected', 'open'); });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retryLater(this.kicked ? 'You were disconnected by a moderator.' : 'Reconnecting…');
    });
  }

  retryLater(text) {
    const delay = Math.min(30000, 1000 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 5);
    this.setState(text, 'retry');
    this.timer = setTimeout(() => { this.kicked = false; this.connect(); }, this.kicked ? Math.max(delay, 5000) : delay);
  }

  send() {
    const content = this.input.value.trim();
    if (!content || !this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify({ Action: 'SEND_MESSAGE', RequestId: crypto.randomUUID(), Content: content }));
    this.input.value = '';
  }

  receive(raw) {
    let frame;
    try { frame = JSON.parse(raw); } catch (e) { return; }
    switch (frame.Type) {
      case 'MESSAGE': this.addMessage(frame); break;
      case 'EVENT': this.handleEvent(frame); break;
      case 'ERROR': this.addSystem(frame.ErrorMessage || 'The message was not sent.'); break;
      default: break;
    }
  }

  handleEvent(frame) {
    const attributes = frame.Attributes || {};
    if (frame.EventName === 'aws:DELETE_MESSAGE') {
      const id = attributes.MessageId || attributes.MessageID;
      this.list.querySelector(`[data-id="${CSS.escape(id || '')}"]`)?.remove();
    } else if (frame.EventName === 'aws:DISCONNECT_USER' && this.me && attributes.UserId === this.me.userId) {
      this.kicked = true;
    }
  }

  addMessage(frame) {
    const sender = frame.Sender || {};
    const attrs = sender.Attributes || {};
    const li = document.createElement('li');
    li.className = 'chat-msg';
    li.dataset.id = frame.Id;
    li.dataset.user = sender.UserId || '';
    const who = document.createElement('span');
    who.className = 'who';
    if (attrs.isGuest === 'true') who.classList.add('guest');
    if (attrs.username === this.channel) who.classList.add('owner');
    who.textContent = attrs.username || 'someone';
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = frame.Content;
    li.append(who, text);
    if (this.me?.owner) li.append(this.moderationMenu(sender.UserId));
    this.append(li);
  }

  moderationMenu(userId) {
    const menu = document.createElement('span');
    menu.className = 'mod';
    const button = (action, label) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = label;
      return b;
    };
    menu.append(button('delete', 'Delete'));
    if (userId && userId !== this.me.userId) menu.append(button('disconnect', 'Kick'), button('ban', 'Ban'));
    return menu;
  }

  async moderate(event) {
    const button = event.target.closest('.mod button');
    if (!button || !this.socket) return;
    const item = button.closest('.chat-msg');
    const request = { RequestId: crypto.randomUUID() };
    switch (button.dataset.action) {
      case 'delete':
        this.socket.send(JSON.stringify({ ...request, Action: 'DELETE_MESSAGE', Id: item.dataset.id, Reason: 'Deleted by the channel owner' }));
        break;
      case 'disconnect':
        this.socket.send(JSON.stringify({ ...request, Action: 'DISCONNECT_USER', UserId: item.dataset.user, Reason: 'Disconnected by the channel owner' }));
        break;
      case 'ban':
        try {
          await postJson('/api/chat/ban', { channel: this.channel, userId: item.dataset.user });
          this.addSystem('User banned.');
        } catch (e) { this.addSystem(e.message); }
        break;
      default: break;
    }
  }

  addSystem(text) {
    const li = document.createElement('li');
    li.className = 'chat-system';
    li.textContent = text;
    this.append(li);
  }

  append(li) {
    const nearBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 60;
    this.list.append(li);
    while (this.list.children.length > MAX_MESSAGES) this.list.firstElementChild.remove();
    if (nearBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  setState(text, state) {
    this.state.textContent = text;
    this.state.dataset.state = state;
  }

  showNote(text) {
    this.note.hidden = !text;
    this.note.textContent = text || '';
  }
}
