package dev.streamcat.engine;

import dev.streamcat.testing.TestDatabases;

/**
 * The control-plane contract on PostgreSQL ({@code STREAMCAT_TEST_POSTGRES_URL}; CI starts one),
 * each test in a schema of its own.
 */
class ControlPlanePostgresTest extends ControlPlaneContract {
    @Override
    TestDatabases.Jdbc database() {
        return EngineFixture.freshPostgresSchema();
    }
}
