// Shared set-up for the official-client tests: clients pointed at the engine, error assertions.
import assert from 'node:assert/strict';

export function client(Client) {
  return new Client({
    endpoint: process.env.STREAMCAT_ENDPOINT,
    region: process.env.STREAMCAT_REGION,
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    },
    maxAttempts: 1,
  });
}

/** Awaits a promise that must reject with the named service error and HTTP status; returns the error. */
export async function expectError(promise, name, status) {
  try {
    await promise;
  } catch (err) {
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    assert.equal(err.$metadata?.httpStatusCode, status);
    assert.ok(err.message && err.message.length > 0, 'error has a message');
    return err;
  }
  assert.fail(`expected ${name} (${status}) but the call succeeded`);
}
