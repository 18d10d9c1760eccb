// SigV4 failures as the official clients see them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { IvschatClient, ListRoomsCommand } from '@aws-sdk/client-ivschat';
import { expectError } from './support.mjs';

function clientWith(Client, overrides) {
  return new Client({
    endpoint: process.env.STREAMCAT_ENDPOINT,
    region: process.env.STREAMCAT_REGION,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
    ...overrides,
  });
}

test('the configured credentials and region are accepted by both services', async () => {
  assert.ok(Array.isArray((await clientWith(IvsClient, {}).send(new ListChannelsCommand({}))).channels));
  assert.ok(Array.isArray((await clientWith(IvschatClient, {}).send(new ListRoomsCommand({}))).rooms));
});

test('a wrong secret is refused with InvalidSignatureException', async () => {
  const c = clientWith(IvsClient, { credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: 'wrong-secret-wrong-secret' } });
  await expectError(c.send(new ListChannelsCommand({})), 'InvalidSignatureException', 403);
});

test('an unknown access key is refused with UnrecognizedClientException', async () => {
  const c = clientWith(IvschatClient, { credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'whatever-whatever' } });
  await expectError(c.send(new ListRoomsCommand({})), 'UnrecognizedClientException', 403);
});

test('a request signed for another region is refused', async () => {
  const c = clientWith(IvsClient, { region: 'eu-west-3' });
  await expectError(c.send(new ListChannelsCommand({})), 'InvalidSignatureException', 403);
});
