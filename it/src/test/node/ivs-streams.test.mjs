// The official @aws-sdk/client-ivs stream operations against a running StreamCat engine, with a real
// ffmpeg broadcasting to STREAMCAT_RTMP_URL (rtmp://host:port/app). Started by dev.streamcat.it.OfficialSdkIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  IvsClient, CreateChannelCommand, DeleteChannelCommand, GetStreamCommand, ListStreamsCommand,
  StopStreamCommand, PutMetadataCommand, GetStreamSessionCommand, ListStreamSessionsCommand,
} from '@aws-sdk/client-ivs';
import { client, expectError } from './support.mjs';

const ivs = client(IvsClient);
const rtmpUrl = process.env.STREAMCAT_RTMP_URL;

function broadcast(streamKey, seconds) {
  const ffmpeg = spawn('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-f', 'lavfi', '-i', 'sine',
    '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-c:a', 'aac',
    '-f', 'flv', `${rtmpUrl}/${streamKey}`,
  ], { stdio: 'ignore' });
  const exited = new Promise((resolve) => ffmpeg.on('exit', (code) => resolve(code)));
  return { ffmpeg, exited };
}

async function until(what, probe, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('stream operations answer ChannelNotBroadcasting for an offline channel', async () => {
  const { channel } = await ivs.send(new CreateChannelCommand({ name: 'sdk-offline' }));
  await expectError(ivs.send(new GetStreamCommand({ channelArn: channel.arn })), 'ChannelNotBroadcasting', 404);
  await expectError(ivs.send(new StopStreamCommand({ channelArn: channel.arn })), 'ChannelNotBroadcasting', 404);
  await expectError(ivs.send(new PutMetadataCommand({ channelArn: channel.arn, metadata: 'hi' })),
    'ChannelNotBroadcasting', 404);
  await expectError(ivs.send(new GetStreamSessionCommand({ channelArn: channel.arn })),
    'ResourceNotFoundException', 404);
  const none = await ivs.send(new ListStreamSessionsCommand({ channelArn: channel.arn }));
  assert.deepEqual(none.streamSessions, []);
  await expectError(ivs.send(new GetStreamCommand({ channelArn: channel.arn.replace(/\/.*$/, '/AAAAAAAAAAAA') })),
    'ResourceNotFoundException', 404);
  await expectError(ivs.send(new ListStreamsCommand({ filterBy: { health: 'SICK' } })), 'ValidationException', 400);
});

test('a live broadcast shows in GetStream, ListStreams and its session; StopStream cuts it', async () => {
  if (!rtmpUrl) return;
  const { channel, streamKey } = await ivs.send(new CreateChannelCommand({ name: 'sdk-live', type: 'BASIC' }));
  const { exited } = broadcast(streamKey.value, 60);
  try {
    const { stream } = await until('GetStream', () => ivs.send(new GetStreamCommand({ channelArn: channel.arn })));
    assert.match(stream.streamId, /^st-[a-zA-Z0-9]{23}$/);
    assert.equal(stream.state, 'LIVE');
    assert.equal(stream.playbackUrl, channel.playbackUrl);
    assert.ok(stream.startTime instanceof Date);
    assert.ok(['HEALTHY', 'STARVING', 'UNKNOWN'].includes(stream.health));
    assert.equal(typeof stream.viewerCount, 'number');

    const listed = await ivs.send(new ListStreamsCommand({}));
    assert.ok(listed.streams.some((s) => s.streamId === stream.streamId && s.state === 'LIVE'));

    await ivs.send(new PutMetadataCommand({ channelArn: channel.arn, metadata: '{"poll":"cats"}' }));
    await expectError(ivs.send(new PutMetadataCommand({ channelArn: channel.arn, metadata: 'x'.repeat(1025) })),
      'ValidationException', 400);
    await expectError(ivs.send(new DeleteChannelCommand({ arn: channel.arn })), 'ConflictException', 409);

    const live = await until('session', () => ivs.send(new GetStreamSessionCommand({ channelArn: channel.arn })));
    assert.equal(live.streamSession.streamId, stream.streamId);
    assert.equal(live.streamSession.endTime, undefined);
    assert.equal(live.streamSession.channel.arn, channel.arn);

    // Stream Start comes with the first playable part: wait for playback before cutting the stream.
    await until('playback', async () => (await fetch(channel.playbackUrl)).status === 200);
    await ivs.send(new StopStreamCommand({ channelArn: channel.arn }));
    assert.notEqual(await exited, 0, 'ffmpeg was cut');

    const ended = await until('session end', async () => {
      const out = await ivs.send(new GetStreamSessionCommand({ channelArn: channel.arn, streamId: stream.streamId }));
      return out.streamSession.endTime ? out.streamSession : undefined;
    });
    assert.ok(ended.endTime instanceof Date);
    assert.match(ended.ingestConfiguration.video.codec, /^avc1\./);
    assert.equal(ended.ingestConfiguration.video.videoWidth, 640);
    assert.equal(ended.ingestConfiguration.video.videoHeight, 360);
    assert.equal(ended.ingestConfiguration.audio.codec, 'mp4a.40.2');
    const names = ended.truncatedEvents.map((e) => e.name);
    assert.deepEqual(names.filter((n) => n !== 'Starvation Start' && n !== 'Starvation End'),
      ['Session Created', 'Stream Start', 'Stream End', 'Session Ended']);

    const sessions = await ivs.send(new ListStreamSessionsCommand({ channelArn: channel.arn, maxResults: 1 }));
    assert.equal(sessions.streamSessions.length, 1);
    assert.equal(sessions.streamSessions[0].streamId, stream.streamId);
    assert.equal(sessions.streamSessions[0].hasErrorEvent, false);
    await expectError(ivs.send(new GetStreamCommand({ channelArn: channel.arn })), 'ChannelNotBroadcasting', 404);
  } finally {
    await ivs.send(new StopStreamCommand({ channelArn: channel.arn })).catch(() => {});
  }
});
