// The official @aws-sdk/client-ivschat against a running StreamCat engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IvschatClient, CreateRoomCommand, GetRoomCommand, UpdateRoomCommand, DeleteRoomCommand, ListRoomsCommand,
  CreateChatTokenCommand, SendEventCommand, DeleteMessageCommand, DisconnectUserCommand,
  CreateLoggingConfigurationCommand, GetLoggingConfigurationCommand, UpdateLoggingConfigurationCommand,
  DeleteLoggingConfigurationCommand, ListLoggingConfigurationsCommand,
  TagResourceCommand, UntagResourceCommand, ListTagsForResourceCommand, paginateListRooms,
} from '@aws-sdk/client-ivschat';
import { client, expectError } from './support.mjs';

const chat = client(IvschatClient);
const region = process.env.STREAMCAT_REGION;
const lambda = `arn:aws:lambda:${region}:123456789012:function:streamcat-profanity`;
const tchar = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

test('CreateRoom applies IVS Chat defaults and returns ISO timestamps', async () => {
  const room = await chat.send(new CreateRoomCommand({ name: 'sdk-room' }));
  assert.match(room.arn, new RegExp(`^arn:aws:ivschat:${region}:\\d{12}:room/[a-zA-Z0-9]{12}$`));
  assert.equal(room.id, room.arn.split('/')[1]);
  assert.equal(room.maximumMessageRatePerSecond, 10);
  assert.equal(room.maximumMessageLength, 500);
  assert.ok(room.createTime instanceof Date && !Number.isNaN(room.createTime.getTime()));
  assert.deepEqual(room.tags, {});
  assert.deepEqual(room.loggingConfigurationIdentifiers, []);
  const got = await chat.send(new GetRoomCommand({ identifier: room.arn }));
  assert.deepEqual(got.arn, room.arn);
  assert.equal(got.createTime.getTime(), room.createTime.getTime());
});

test('CreateRoom validates every field', async () => {
  for (const input of [
    { name: 'no spaces' }, { maximumMessageRatePerSecond: 0 }, { maximumMessageRatePerSecond: 101 },
    { maximumMessageLength: 501 }, { messageReviewHandler: { uri: 'ftp://nope' } },
    { messageReviewHandler: { uri: lambda, fallbackResult: 'MAYBE' } },
    { loggingConfigurationIdentifiers: ['a', 'b', 'c', 'd'] },
  ]) {
    const err = await expectError(chat.send(new CreateRoomCommand(input)), 'ValidationException', 400);
    assert.equal(err.reason, 'FIELD_VALIDATION_FAILED');
    assert.ok(err.fieldList.length >= 1 && err.fieldList[0].name, JSON.stringify(input));
  }
  const missing = `arn:aws:ivschat:${region}:000000000000:room/ZZZZZZZZZZZZ`;
  const err = await expectError(chat.send(new GetRoomCommand({ identifier: missing })), 'ResourceNotFoundException', 404);
  assert.equal(err.resourceId, 'ZZZZZZZZZZZZ');
  assert.equal(err.resourceType, 'ROOM');
});

test('rooms with review handlers and logging: update, list filters, pagination, delete', async () => {
  const lc = await chat.send(new CreateLoggingConfigurationCommand({
    name: 'sdk-logs', destinationConfiguration: { cloudWatchLogs: { logGroupName: 'streamcat-chat-log-group' } } }));
  const room = await chat.send(new CreateRoomCommand({
    name: 'sdk-moderated', maximumMessageRatePerSecond: 5, maximumMessageLength: 140,
    messageReviewHandler: { uri: lambda }, loggingConfigurationIdentifiers: [lc.arn], tags: { project: 'streamcat' } }));
  assert.deepEqual(room.messageReviewHandler, { uri: lambda, fallbackResult: 'ALLOW' });
  assert.deepEqual(room.loggingConfigurationIdentifiers, [lc.arn]);
  const webhook = await chat.send(new UpdateRoomCommand({
    identifier: room.arn, messageReviewHandler: { uri: 'https://review.example.com/hook', fallbackResult: 'DENY' },
    maximumMessageLength: 200 }));
  assert.deepEqual(webhook.messageReviewHandler, { uri: 'https://review.example.com/hook', fallbackResult: 'DENY' });
  assert.equal(webhook.maximumMessageLength, 200);
  assert.equal(webhook.maximumMessageRatePerSecond, 5);
  assert.ok(webhook.updateTime.getTime() > room.updateTime.getTime());
  assert.deepEqual(webhook.tags, { project: 'streamcat' });
  const cleared = await chat.send(new UpdateRoomCommand({ identifier: room.arn, messageReviewHandler: { uri: '' } }));
  assert.equal(cleared.messageReviewHandler, undefined);

  const byLogging = await chat.send(new ListRoomsCommand({ loggingConfigurationIdentifier: lc.arn }));
  assert.deepEqual(byLogging.rooms.map((r) => r.arn), [room.arn]);
  assert.equal(byLogging.rooms[0].maximumMessageLength, undefined, 'summaries carry no limits');
  await expectError(chat.send(new DeleteLoggingConfigurationCommand({ identifier: lc.arn })), 'ConflictException', 409);
  await chat.send(new UpdateRoomCommand({ identifier: room.arn, loggingConfigurationIdentifiers: [] }));
  await chat.send(new DeleteLoggingConfigurationCommand({ identifier: lc.arn }));

  const name = `pages${Date.now() % 100000}`;
  const created = [];
  for (let i = 0; i < 3; i++) created.push((await chat.send(new CreateRoomCommand({ name }))).arn);
  const seen = [];
  for await (const page of paginateListRooms({ client: chat, pageSize: 2 }, { name })) {
    assert.ok(page.rooms.length <= 2);
    seen.push(...page.rooms.map((r) => r.arn));
  }
  assert.deepEqual(seen, [...created].reverse(), 'newest update first');
  await expectError(chat.send(new ListRoomsCommand({ maxResults: 51 })), 'ValidationException', 400);

  const del = await chat.send(new DeleteRoomCommand({ identifier: room.arn }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  await expectError(chat.send(new GetRoomCommand({ identifier: room.arn })), 'ResourceNotFoundException', 404);
});

test('CreateChatToken returns a subprotocol-safe token valid one minute', async () => {
  const room = await chat.send(new CreateRoomCommand({ name: 'sdk-tokens' }));
  const before = Date.now();
  const out = await chat.send(new CreateChatTokenCommand({
    roomIdentifier: room.arn, userId: 'viewer-1', capabilities: ['SEND_MESSAGE', 'DELETE_MESSAGE'],
    sessionDurationInMinutes: 30, attributes: { username: 'viewer', isGuest: 'false' } }));
  assert.match(out.token, tchar);
  assert.ok(Math.abs(out.tokenExpirationTime.getTime() - (before + 60_000)) < 5_000);
  assert.ok(Math.abs(out.sessionExpirationTime.getTime() - (before + 30 * 60_000)) < 5_000);
  const other = await chat.send(new CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'viewer-1' }));
  assert.notEqual(other.token, out.token);
  assert.ok(Math.abs(other.sessionExpirationTime.getTime() - (before + 60 * 60_000)) < 5_000, 'default session is 60 minutes');
  await expectError(chat.send(new CreateChatTokenCommand({ roomIdentifier: room.arn })), 'ValidationException', 400);
  await expectError(chat.send(new CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'u', capabilities: ['FLY'] })), 'ValidationException', 400);
  await expectError(chat.send(new CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'u', sessionDurationInMinutes: 181 })), 'ValidationException', 400);
  await expectError(chat.send(new CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'u', attributes: { big: 'x'.repeat(1100) } })), 'ValidationException', 400);
  await expectError(chat.send(new CreateChatTokenCommand({
    roomIdentifier: room.arn.replace(/\/\w+$/, '/ZZZZZZZZZZZZ'), userId: 'u' })), 'ResourceNotFoundException', 404);
});

test('SendEvent, DeleteMessage and DisconnectUser validate and answer as IVS Chat', async () => {
  const room = await chat.send(new CreateRoomCommand({ name: 'sdk-messaging' }));
  const event = await chat.send(new SendEventCommand({ roomIdentifier: room.arn, eventName: 'StreamCat:Update', attributes: { a: 'b' } }));
  assert.match(event.id, /^[a-zA-Z0-9]{12}$/);
  const deleted = await chat.send(new DeleteMessageCommand({ roomIdentifier: room.arn, id: 'abcDEF123456', reason: 'spam' }));
  assert.match(deleted.id, /^[a-zA-Z0-9]{12}$/);
  const disconnected = await chat.send(new DisconnectUserCommand({ roomIdentifier: room.arn, userId: 'viewer-1', reason: 'rude' }));
  assert.equal(disconnected.$metadata.httpStatusCode, 200);
  await expectError(chat.send(new SendEventCommand({ roomIdentifier: room.arn })), 'ValidationException', 400);
  await expectError(chat.send(new DeleteMessageCommand({ roomIdentifier: room.arn, id: 'not valid!' })), 'ValidationException', 400);
  await expectError(chat.send(new DisconnectUserCommand({ roomIdentifier: room.arn, userId: '' })), 'ValidationException', 400);
});

test('logging configurations: each destination, update, list, quota on destinations', async () => {
  const s3 = await chat.send(new CreateLoggingConfigurationCommand({ name: 'sdk-s3', destinationConfiguration: { s3: { bucketName: 'chat-logs' } }, tags: { t: '1' } }));
  assert.equal(s3.state, 'ACTIVE');
  assert.deepEqual(s3.destinationConfiguration, { s3: { bucketName: 'chat-logs' } });
  assert.deepEqual(s3.tags, { t: '1' });
  const fh = await chat.send(new CreateLoggingConfigurationCommand({ destinationConfiguration: { firehose: { deliveryStreamName: 'chat-stream' } } }));
  assert.deepEqual(fh.destinationConfiguration, { firehose: { deliveryStreamName: 'chat-stream' } });
  const updated = await chat.send(new UpdateLoggingConfigurationCommand({
    identifier: fh.arn, name: 'renamed', destinationConfiguration: { cloudWatchLogs: { logGroupName: '/streamcat/chat' } } }));
  assert.equal(updated.name, 'renamed');
  assert.deepEqual(updated.destinationConfiguration, { cloudWatchLogs: { logGroupName: '/streamcat/chat' } });
  const got = await chat.send(new GetLoggingConfigurationCommand({ identifier: fh.arn }));
  assert.equal(got.name, 'renamed');
  const list = await chat.send(new ListLoggingConfigurationsCommand({ maxResults: 50 }));
  assert.ok(list.loggingConfigurations.some((c) => c.arn === s3.arn));
  await expectError(chat.send(new CreateLoggingConfigurationCommand({ destinationConfiguration: {} })), 'ValidationException', 400);
  await expectError(chat.send(new CreateLoggingConfigurationCommand({
    destinationConfiguration: { s3: { bucketName: 'Bad_Bucket' } } })), 'ValidationException', 400);
  for (const c of [s3, fh]) await chat.send(new DeleteLoggingConfigurationCommand({ identifier: c.arn }));
  await expectError(chat.send(new GetLoggingConfigurationCommand({ identifier: s3.arn })), 'ResourceNotFoundException', 404);
});

test('tags on rooms and logging configurations', async () => {
  const room = await chat.send(new CreateRoomCommand({ name: 'sdk-room-tags', tags: { a: '1' } }));
  await chat.send(new TagResourceCommand({ resourceArn: room.arn, tags: { b: '2' } }));
  assert.deepEqual((await chat.send(new ListTagsForResourceCommand({ resourceArn: room.arn }))).tags, { a: '1', b: '2' });
  await chat.send(new UntagResourceCommand({ resourceArn: room.arn, tagKeys: ['a'] }));
  assert.deepEqual((await chat.send(new GetRoomCommand({ identifier: room.arn }))).tags, { b: '2' });
  await expectError(chat.send(new TagResourceCommand({ resourceArn: room.arn.replace(/\/\w+$/, '/ZZZZZZZZZZZZ'), tags: { x: 'y' } })),
    'ResourceNotFoundException', 404);
});
