package dev.streamcat.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md §2, checked on the compiled classes: media flows one way, the
 * app knows the engine only through the IVS API shape, and libraries stay framework-free.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.streamcat");
    }

    @Test
    void apiShapesDependOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("dev.streamcat.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "dev.streamcat.api..")
                .check(classes);
    }

    @Test
    void mediaIsPureJava() {
        classes()
                .that()
                .resideInAPackage("dev.streamcat.media..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.jspecify..", "dev.streamcat.media..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void ingestKnowsNothingOfTheEngineTheAppOrChat() {
        noClasses()
                .that()
                .resideInAPackage("dev.streamcat.rtmp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.streamcat.engine..",
                        "dev.streamcat.app..",
                        "dev.streamcat.server..",
                        "dev.streamcat.chat..",
                        "io.vertx..")
                .check(classes);
    }

    @Test
    void chatCoreHasNoTransportAndNoEngine() {
        noClasses()
                .that()
                .resideInAPackage("dev.streamcat.chat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.streamcat.engine..",
                        "dev.streamcat.app..",
                        "dev.streamcat.server..",
                        "dev.streamcat.rtmp..",
                        "dev.streamcat.media..",
                        "io.vertx..",
                        "io.netty..")
                .check(classes);
    }

    @Test
    void engineNeverReachesIntoTheAppOrTheServer() {
        noClasses()
                .that()
                .resideInAPackage("dev.streamcat.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.streamcat.app..", "dev.streamcat.server..")
                .check(classes);
    }

    @Test
    void appSeesTheEngineOnlyThroughTheIvsApiShape() {
        noClasses()
                .that()
                .resideInAPackage("dev.streamcat.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.streamcat.engine..",
                        "dev.streamcat.rtmp..",
                        "dev.streamcat.media..",
                        "dev.streamcat.chat..",
                        "dev.streamcat.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.streamcat.rtmp..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.streamcat.rtmp.internal..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.streamcat.media..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.streamcat.media..internal..")
                .check(classes);
    }
}
