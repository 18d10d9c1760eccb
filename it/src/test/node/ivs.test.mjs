// The official @aws-sdk/client-ivs against a running StreamCat engine.
// Started by dev.streamcat.it.OfficialSdkIT with STREAMCAT_ENDPOINT, STREAMCAT_REGION, AWS_* in the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IvsClient, CreateChannelCommand, GetChannelCommand, BatchGetChannelCommand, ListChannelsCommand,
  UpdateChannelCommand, DeleteChannelCommand, CreateStreamKeyCommand, GetStreamKeyCommand,
  BatchGetStreamKeyCommand, ListStreamKeysCommand, DeleteStreamKeyCommand,
  CreateRecordingConfigurationCommand, GetRecordingConfigurationCommand,
  ListRecordingConfigurationsCommand, DeleteRecordingConfigurationCommand,
  TagResourceCommand, UntagResourceCommand, ListTagsForResourceCommand,
  paginateListChannels,
} from '@aws-sdk/client-ivs';
import { client, expectError } from './support.mjs';

const ivs = client(IvsClient);
const region = process.env.STREAMCAT_REGION;

test('CreateChannel returns a channel and its stream key with IVS defaults', async () => {
  const out = await ivs.send(new CreateChannelCommand({ name: 'sdk-defaults' }));
  const ch = out.channel;
  assert.match(ch.arn, new RegExp(`^arn:aws:ivs:${region}:\\d{12}:channel/[a-zA-Z0-9]{12}$`));
  assert.equal(ch.name, 'sdk-defaults');
  assert.equal(ch.latencyMode, 'LOW');
  assert.equal(ch.type, 'STANDARD');
  assert.equal(ch.authorized, false);
  assert.equal(ch.insecureIngest, false);
  assert.equal(ch.preset, '');
  assert.equal(ch.recordingConfigurationArn, '');
  assert.ok(ch.ingestEndpoint.length > 0);
  assert.match(ch.playbackUrl, /^https?:\/\/.+\/api\/video\/v1\/.+\.channel\.[a-zA-Z0-9]{12}\.m3u8$/);
  assert.deepEqual(ch.tags, {});
  const key = out.streamKey;
  assert.match(key.arn, /:stream-key\/[a-zA-Z0-9]{12}$/);
  assert.match(key.value, new RegExp(`^sk_${region}_[a-zA-Z0-9]{12}_[a-zA-Z0-9]{30}$`));
  assert.equal(key.channelArn, ch.arn);
});

test('CreateChannel honours every setting and rejects bad input with ValidationException', async () => {
  const out = await ivs.send(new CreateChannelCommand({
    name: 'sdk_full-1', type: 'ADVANCED_HD', latencyMode: 'NORMAL', authorized: true, insecureIngest: true,
    tags: { project: 'streamcat', team: 'video' }, containerFormat: 'FRAGMENTED_MP4',
  }));
  assert.equal(out.channel.type, 'ADVANCED_HD');
  assert.equal(out.channel.preset, 'HIGHER_BANDWIDTH_DELIVERY');
  assert.equal(out.channel.latencyMode, 'NORMAL');
  assert.equal(out.channel.authorized, true);
  assert.deepEqual(out.channel.tags, { project: 'streamcat', team: 'video' });
  await expectError(ivs.send(new CreateChannelCommand({ name: 'bad name!' })), 'ValidationException', 400);
  await expectError(ivs.send(new CreateChannelCommand({ type: 'PLATINUM' })), 'ValidationException', 400);
  await expectError(ivs.send(new CreateChannelCommand({ name: 'x'.repeat(129) })), 'ValidationException', 400);
  await expectError(ivs.send(new CreateChannelCommand({ tags: { 'aws:reserved': 'x' } })), 'ValidationException', 400);
  await expectError(ivs.send(new CreateChannelCommand({
    recordingConfigurationArn: `arn:aws:ivs:${region}:000000000000:recording-configuration/AAAAAAAAAAAA` })),
  'ResourceNotFoundException', 404);
});

test('GetChannel, BatchGetChannel, UpdateChannel and DeleteChannel', async () => {
  const { channel } = await ivs.send(new CreateChannelCommand({ name: 'sdk-crud', type: 'BASIC' }));
  const got = await ivs.send(new GetChannelCommand({ arn: channel.arn }));
  assert.deepEqual(got.channel, channel);

  const missing = channel.arn.replace(/\/[a-zA-Z0-9]{12}$/, '/ZZZZZZZZZZZZ');
  const err = await expectError(ivs.send(new GetChannelCommand({ arn: missing })), 'ResourceNotFoundException', 404);
  assert.ok(err.exceptionMessage, 'IVS errors carry exceptionMessage');
  await expectError(ivs.send(new GetChannelCommand({ arn: 'not-an-arn' })), 'ValidationException', 400);

  const batch = await ivs.send(new BatchGetChannelCommand({ arns: [channel.arn, missing] }));
  assert.equal(batch.channels.length, 1);
  assert.equal(batch.channels[0].arn, channel.arn);
  assert.deepEqual(batch.errors.map((e) => [e.arn, e.code]), [[missing, 'ResourceNotFoundException']]);
  await expectError(ivs.send(new BatchGetChannelCommand({ arns: [] })), 'ValidationException', 400);

  const updated = await ivs.send(new UpdateChannelCommand({ arn: channel.arn, type: 'ADVANCED_SD', name: 'sdk-crud-2' }));
  assert.equal(updated.channel.type, 'ADVANCED_SD');
  assert.equal(updated.channel.name, 'sdk-crud-2');
  assert.equal(updated.channel.preset, 'HIGHER_BANDWIDTH_DELIVERY');
  assert.equal(updated.channel.playbackUrl, channel.playbackUrl);
  await expectError(ivs.send(new UpdateChannelCommand({ arn: channel.arn, latencyMode: 'ULTRA' })), 'ValidationException', 400);

  const del = await ivs.send(new DeleteChannelCommand({ arn: channel.arn }));
  assert.equal(del.$metadata.httpStatusCode, 204);
  await expectError(ivs.send(new GetChannelCommand({ arn: channel.arn })), 'ResourceNotFoundException', 404);
  await expectError(ivs.send(new DeleteChannelCommand({ arn: channel.arn })), 'ResourceNotFoundException', 404);
});

test('ListChannels filters and paginates', async () => {
  const prefix = `page${Date.now() % 100000}`;
  const arns = [];
  for (let i = 0; i < 5; i++) {
    arns.push((await ivs.send(new CreateChannelCommand({ name: prefix }))).channel.arn);
  }
  const pages = [];
  for await (const page of paginateListChannels({ client: ivs, pageSize: 2 }, { filterByName: prefix })) {
    pages.push(page.channels.map((c) => c.arn));
  }
  assert.deepEqual(pages.map((p) => p.length), [2, 2, 1]);
  assert.deepEqual(pages.flat().sort(), [...arns].sort());
  const first = await ivs.send(new ListChannelsCommand({ filterByName: prefix, maxResults: 5 }));
  assert.equal(first.nextToken, undefined);
  assert.equal(first.channels[0].ingestEndpoint, undefined, 'summaries have no endpoints');
  await expectError(ivs.send(new ListChannelsCommand({ maxResults: 101 })), 'ValidationException', 400);
  await expectError(ivs.send(new ListChannelsCommand({ nextToken: '!!!' })), 'ValidationException', 400);
  await expectError(ivs.send(new ListChannelsCommand({
    filterByName: prefix, filterByRecordingConfigurationArn: `arn:aws:ivs:${region}:000000000000:recording-configuration/AAAAAAAAAAAA` })),
  'ConflictException', 409);
});

test('stream keys: one per channel, get, batch get, list, delete', async () => {
  const { channel, streamKey } = await ivs.send(new CreateChannelCommand({ name: 'sdk-keys' }));
  await expectError(ivs.send(new CreateStreamKeyCommand({ channelArn: channel.arn })), 'ServiceQuotaExceededException', 402);
  const got = await ivs.send(new GetStreamKeyCommand({ arn: streamKey.arn }));
  assert.deepEqual(got.streamKey, streamKey);
  const listed = await ivs.send(new ListStreamKeysCommand({ channelArn: channel.arn }));
  assert.deepEqual(listed.streamKeys, [{ arn: streamKey.arn, channelArn: channel.arn, tags: {} }]);
  await ivs.send(new DeleteStreamKeyCommand({ arn: streamKey.arn }));
  const missing = await ivs.send(new BatchGetStreamKeyCommand({ arns: [streamKey.arn] }));
  assert.equal(missing.streamKeys.length, 0);
  assert.equal(missing.errors[0].code, 'ResourceNotFoundException');
  const fresh = await ivs.send(new CreateStreamKeyCommand({ channelArn: channel.arn, tags: { k: 'v' } }));
  assert.notEqual(fresh.streamKey.value, streamKey.value);
  assert.deepEqual(fresh.streamKey.tags, { k: 'v' });
  await expectError(ivs.send(new GetStreamKeyCommand({ arn: streamKey.arn })), 'ResourceNotFoundException', 404);
  await expectError(ivs.send(new ListStreamKeysCommand({ channelArn: channel.arn, maxResults: 51 })), 'ValidationException', 400);
  await ivs.send(new DeleteChannelCommand({ arn: channel.arn }));
  await expectError(ivs.send(new GetStreamKeyCommand({ arn: fresh.streamKey.arn })), 'ResourceNotFoundException', 404);
});

test('recording configurations: create with defaults, get, list, conflict while in use, delete', async () => {
  const { recordingConfiguration: rc } = await ivs.send(new CreateRecordingConfigurationCommand({
    name: 'sdk-rec', destinationConfiguration: { s3: { bucketName: 'streamcat-vod' } } }));
  assert.equal(rc.state, 'ACTIVE');
  assert.equal(rc.recordingReconnectWindowSeconds, 0);
  assert.equal(rc.thumbnailConfiguration.recordingMode, 'INTERVAL');
  assert.equal(rc.thumbnailConfiguration.targetIntervalSeconds, 60);
  assert.deepEqual(rc.thumbnailConfiguration.storage, ['SEQUENTIAL']);
  assert.equal(rc.renditionConfiguration.renditionSelection, 'ALL');
  const got = await ivs.send(new GetRecordingConfigurationCommand({ arn: rc.arn }));
  assert.deepEqual(got.recordingConfiguration, rc);
  const list = await ivs.send(new ListRecordingConfigurationsCommand({}));
  assert.ok(list.recordingConfigurations.some((r) => r.arn === rc.arn));
  await expectError(ivs.send(new CreateRecordingConfigurationCommand({
    destinationConfiguration: { s3: { bucketName: 'UPPER' } } })), 'ValidationException', 400);
  await expectError(ivs.send(new CreateRecordingConfigurationCommand({
    destinationConfiguration: { s3: { bucketName: 'ok-bucket' } }, recordingReconnectWindowSeconds: 301 })), 'ValidationException', 400);

  const { channel } = await ivs.send(new CreateChannelCommand({ name: 'sdk-recorded', recordingConfigurationArn: rc.arn }));
  assert.equal(channel.recordingConfigurationArn, rc.arn);
  const filtered = await ivs.send(new ListChannelsCommand({ filterByRecordingConfigurationArn: rc.arn }));
  assert.deepEqual(filtered.channels.map((c) => c.arn), [channel.arn]);
  await expectError(ivs.send(new DeleteRecordingConfigurationCommand({ arn: rc.arn })), 'ConflictException', 409);
  await ivs.send(new UpdateChannelCommand({ arn: channel.arn, recordingConfigurationArn: '' }));
  await ivs.send(new DeleteRecordingConfigurationCommand({ arn: rc.arn }));
  await expectError(ivs.send(new GetRecordingConfigurationCommand({ arn: rc.arn })), 'ResourceNotFoundException', 404);
});

test('tags: tag, list, untag, limits', async () => {
  const { channel, streamKey } = await ivs.send(new CreateChannelCommand({ name: 'sdk-tags', tags: { a: '1' } }));
  await ivs.send(new TagResourceCommand({ resourceArn: channel.arn, tags: { b: '2', a: 'one' } }));
  let tags = await ivs.send(new ListTagsForResourceCommand({ resourceArn: channel.arn }));
  assert.deepEqual(tags.tags, { a: 'one', b: '2' });
  await ivs.send(new UntagResourceCommand({ resourceArn: channel.arn, tagKeys: ['a', 'missing'] }));
  tags = await ivs.send(new ListTagsForResourceCommand({ resourceArn: channel.arn }));
  assert.deepEqual(tags.tags, { b: '2' });
  await ivs.send(new TagResourceCommand({ resourceArn: streamKey.arn, tags: { key: 'tagged' } }));
  assert.deepEqual((await ivs.send(new GetStreamKeyCommand({ arn: streamKey.arn }))).streamKey.tags, { key: 'tagged' });
  const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
  await expectError(ivs.send(new TagResourceCommand({ resourceArn: channel.arn, tags: many })), 'ValidationException', 400);
  const missing = channel.arn.replace(/\/[a-zA-Z0-9]{12}$/, '/ZZZZZZZZZZZZ');
  await expectError(ivs.send(new ListTagsForResourceCommand({ resourceArn: missing })), 'ResourceNotFoundException', 404);
});
