package dev.warden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the import directions of STYLE.md true as the code grows. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden");
    }

    @Test
    void theCanonicalModelImportsOnlyTheJdk() {
        classes().that().resideInAPackage("dev.warden.llm..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.warden.llm..", "java..",
                        "org.jspecify..")
                .check(production);
    }

    @Test
    void theIdentityModelImportsOnlyTheJdk() {
        classes().that().resideInAPackage("dev.warden.identity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.warden.identity..", "java..",
                        "org.jspecify..")
                .check(production);
    }

    @Test
    void onlyTheStoreUsesJdbcLibrariesAndTheRequestPathNeverTouchesTheStore() {
        noClasses().that().resideOutsideOfPackage("dev.warden.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.zaxxer..", "org.flywaydb..", "org.sqlite..",
                        "org.postgresql..", "java.sql..")
                .check(production);
        noClasses().that().resideInAnyPackage("dev.warden.pipeline..", "dev.warden.auth..", "dev.warden.routing..",
                        "dev.warden.provider..", "dev.warden.api..", "dev.warden.identity..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.store..")
                .check(production);
    }

    @Test
    void dialectsAndProvidersNeverImportEachOther() {
        noClasses().that().resideInAPackage("dev.warden.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.provider..")
                .check(production);
        noClasses().that().resideInAPackage("dev.warden.provider..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.api..")
                .check(production);
    }

    @Test
    void dialectsAndProvidersKnowNothingOfThePipelineOrTheServer() {
        noClasses().that().resideInAnyPackage("dev.warden.api..", "dev.warden.provider..", "dev.warden.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warden.pipeline..", "dev.warden.server..",
                        "dev.warden.config..", "dev.warden.routing..", "dev.warden.auth..", "dev.warden.observe..")
                .check(production);
    }

    @Test
    void aProviderUsesOnlyTheProviderCoreAndTheSharedOpenAiCompatibleDialect() {
        for (var family : new String[] {"echo", "azure", "openaicompat"}) {
            noClasses().that().resideInAPackage("dev.warden.provider." + family + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherProviderPackages(family))
                    .allowEmptyShould(true)
                    .check(production);
        }
    }

    private static String[] otherProviderPackages(String family) {
        return java.util.stream.Stream.of("echo", "azure", "anthropic", "bedrock", "gemini", "ollama")
                .filter(other -> !other.equals(family))
                .map(other -> "dev.warden.provider." + other + "..")
                .toArray(String[]::new);
    }

    @Test
    void nothingImportsTheServerOrTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("dev.warden.server..")
                .and().doNotHaveFullyQualifiedName("dev.warden.Wiring")
                .and().doNotHaveFullyQualifiedName("dev.warden.Main")
                .and().resideOutsideOfPackage("dev.warden.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.server..")
                .check(production);
        noClasses().that().doNotHaveFullyQualifiedName("dev.warden.Main")
                .and().resideOutsideOfPackage("dev.warden.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.warden.Wiring")
                .check(production);
    }

    @Test
    void theAdminApiIsTransportFreeAndOnlyTheServerBindingAndWiringUseIt() {
        noClasses().that().resideInAPackage("dev.warden.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "dev.warden.server..")
                .check(production);
        noClasses().that().resideOutsideOfPackages("dev.warden.admin..", "dev.warden.server..")
                .and().doNotHaveFullyQualifiedName("dev.warden.Wiring")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.admin..")
                .check(production);
    }

    @Test
    void pricingIsPureDataAndArithmetic() {
        // Budgets, limits, audit and the admin API all price calls, so pricing depends on none of them.
        classes().that().resideInAPackage("dev.warden.pricing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.warden.pricing..", "java..",
                        "org.jspecify..", "com.fasterxml.jackson..")
                .check(production);
    }

    @Test
    void configurationIsALeaf() {
        classes().that().resideInAPackage("dev.warden.config..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.warden.config..", "java..",
                        "org.jspecify..", "org.yaml.snakeyaml..")
                .check(production);
    }

    @Test
    void noStaticMutableState() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("dev.warden..")
                .and().areStatic()
                .should().beFinal()
                .check(production);
    }

    @Test
    void theRequestPathUsesNoHttpServerTypes() {
        noClasses().that().resideInAnyPackage("dev.warden.pipeline..", "dev.warden.auth..", "dev.warden.routing..",
                        "dev.warden.provider..", "dev.warden.api..")
                .should().dependOnClassesThat().resideInAPackage("io.helidon..")
                .check(production);
    }

    @Test
    void upstreamsAreCalledOnlyThroughWardensOwnHttpClient() {
        // The one outbound client for upstreams (STYLE.md habit 2) is dev.warden.provider.http, used by
        // UpstreamClient; Helidon's WebClient, which it replaced, stays out of production code.
        noClasses().should().dependOnClassesThat().resideInAPackage("io.helidon.webclient..")
                .check(production);
        noClasses().that().resideOutsideOfPackage("dev.warden.provider.http..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().resideInAPackage("javax.net.ssl..")
                .check(production);
        noClasses().that().resideOutsideOfPackage("dev.warden.provider..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.provider.http..")
                .check(production);
    }

}
