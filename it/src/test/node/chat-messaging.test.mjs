// The official amazon-ivs-chat-messaging client against the StreamCat engine's chat gateway, with tokens from the
// official @aws-sdk/client-ivschat. Needs STREAMCAT_CHAT_URL (ws://host:enginePort) besides the usual variables.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { ChatRoom, SendMessageRequest, DeleteMessageRequest, DisconnectUserRequest } from 'amazon-ivs-chat-messaging';
import {
  IvschatClient, CreateRoomCommand, CreateChatTokenCommand, SendEventCommand, DeleteMessageCommand,
} from '@aws-sdk/client-ivschat';
import { client } from './support.mjs';

globalThis.WebSocket = WebSocket;

const chat = client(IvschatClient);
const url = process.env.STREAMCAT_CHAT_URL;
const rooms = [];

after(() => rooms.forEach((room) => room.disconnect()));

async function newRoom() {
  return (await chat.send(new CreateRoomCommand({ name: 'messaging' }))).arn;
}

/** A connected ChatRoom for userId in roomArn. */
async function join(roomArn, userId, capabilities = ['SEND_MESSAGE', 'DELETE_MESSAGE', 'DISCONNECT_USER']) {
  const room = new ChatRoom({
    regionOrUrl: url,
    maxReconnectAttempts: 0,
    tokenProvider: async () => {
      const response = await chat.send(new CreateChatTokenCommand({
        roomIdentifier: roomArn, userId, capabilities, attributes: { displayName: userId },
      }));
      return {
        token: response.token,
        sessionExpirationTime: response.sessionExpirationTime,
        tokenExpirationTime: response.tokenExpirationTime,
      };
    },
  });
  rooms.push(room);
  const connected = once(room, 'connect');
  room.connect();
  await connected;
  return room;
}

/** Resolves with the payload of the next `name` event of room that passes test (5 s timeout). */
function once(room, name, accept = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within 5 s`)), 5000);
    const remove = room.addListener(name, (payload) => {
      if (accept(payload)) {
        clearTimeout(timer);
        remove();
        resolve(payload);
      }
    });
  });
}

test('sendMessage resolves with the server MESSAGE and other clients receive it', async () => {
  const roomArn = await newRoom();
  const alice = await join(roomArn, 'alice');
  const bob = await join(roomArn, 'bob', []);
  const received = once(bob, 'message');
  const sent = await alice.sendMessage(new SendMessageRequest('hello from the SDK', { kind: 'greeting' }));
  assert.equal(sent.content, 'hello from the SDK');
  assert.equal(sent.sender.userId, 'alice');
  assert.equal(sent.sender.attributes.displayName, 'alice');
  assert.match(sent.id, /^[A-Za-z0-9]{12}$/);
  const message = await received;
  assert.equal(message.id, sent.id);
  assert.equal(message.attributes.kind, 'greeting');
  assert.ok(message.sendTime instanceof Date);
});

test('a viewer without SEND_MESSAGE is rejected with 403', async () => {
  const viewer = await join(await newRoom(), 'viewer', []);
  await assert.rejects(viewer.sendMessage(new SendMessageRequest('nope')), (err) => err.errorCode === 403);
});

test('deleteMessage reaches everyone as messageDelete, also through the DeleteMessage API', async () => {
  const roomArn = await newRoom();
  const mod = await join(roomArn, 'mod');
  const bob = await join(roomArn, 'bob', []);
  const first = await mod.sendMessage(new SendMessageRequest('first'));
  const deleted = once(bob, 'messageDelete', (event) => event.messageId === first.id);
  await mod.deleteMessage(new DeleteMessageRequest(first.id, 'off topic'));
  assert.equal((await deleted).reason, 'off topic');
  const second = await mod.sendMessage(new SendMessageRequest('second'));
  const viaApi = once(bob, 'messageDelete', (event) => event.messageId === second.id);
  await chat.send(new DeleteMessageCommand({ roomIdentifier: roomArn, id: second.id }));
  await viaApi;
});

test('disconnectUser gives the target a clean serverDisconnect', async () => {
  const roomArn = await newRoom();
  const mod = await join(roomArn, 'mod');
  const troll = await join(roomArn, 'troll', []);
  const disconnected = once(troll, 'disconnect');
  const seen = once(mod, 'userDisconnect', (event) => event.userId === 'troll');
  await mod.disconnectUser(new DisconnectUserRequest('troll', 'be nice'));
  assert.equal(await disconnected, 'serverDisconnect');
  assert.equal((await seen).reason, 'be nice');
  assert.equal(troll.state, 'disconnected');
  assert.equal(mod.state, 'connected');
});

test('SendEvent from the API arrives as an event', async () => {
  const roomArn = await newRoom();
  const bob = await join(roomArn, 'bob', []);
  const event = once(bob, 'event', (e) => e.eventName === 'app:confetti');
  const { id } = await chat.send(new SendEventCommand({
    roomIdentifier: roomArn, eventName: 'app:confetti', attributes: { colour: 'gold' },
  }));
  const received = await event;
  assert.equal(received.id, id);
  assert.equal(received.attributes.colour, 'gold');
});
