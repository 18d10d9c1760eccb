package dev.streamcat.engine;

import dev.streamcat.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The control-plane contract on the embedded H2 database (a file, as {@code ./streamcat serve} uses). */
class ControlPlaneH2Test extends ControlPlaneContract {
    @TempDir
    Path dataDir;

    @Override
    TestDatabases.Jdbc database() {
        return TestDatabases.h2File(dataDir);
    }
}
