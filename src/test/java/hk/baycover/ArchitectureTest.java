package hk.baycover;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layer rules of docs/architecture.md, checked on the compiled main classes (tests are free to cross layers).
 * A rule that fails names the class and the offending dependency.
 */
@AnalyzeClasses(packages = "hk.baycover", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * A layer: its packages, and the layers that may use it. The order is bottom to top; a layer never uses one above
     * it. docs/architecture.md shows this same table (ArchitectureDocTest keeps the two equal).
     */
    record Layer(String name, List<String> packages, List<String> usedBy) {
    }

    static final List<Layer> LAYERS = List.of(
            new Layer("Model", List.of("hk.baycover.model..", "hk.baycover.i18n..", "hk.baycover.io.."),
                    List.of("Catalog", "Features", "Trust", "Store", "Report", "App", "Cli", "Ui", "Launcher")),
            new Layer("Catalog", List.of("hk.baycover.catalog..", "hk.baycover.lookup.."),
                    List.of("Features", "Trust", "Store", "Report", "App", "Cli", "Ui")),
            new Layer("Features", List.of("hk.baycover.planning..", "hk.baycover.compare..", "hk.baycover.gaps.."),
                    List.of("Store", "Report", "App", "Cli", "Ui")),
            new Layer("Trust", List.of("hk.baycover.trust.."), List.of("Store", "App", "Cli", "Ui")),
            new Layer("Store", List.of("hk.baycover.store.."), List.of("App", "Cli", "Ui")),
            new Layer("Report", List.of("hk.baycover.report.."), List.of("App", "Cli", "Ui")),
            new Layer("App", List.of("hk.baycover.app.."), List.of("Cli", "Ui", "Launcher")),
            new Layer("Cli", List.of("hk.baycover.cli.."), List.of("Launcher")),
            new Layer("Ui", List.of("hk.baycover.ui.."), List.of("Launcher")),
            new Layer("Launcher", List.of("hk.baycover"), List.of()));

    /**
     * The layer order: model, i18n, io ← catalog/lookup ← planning/compare/gaps (and trust) ← store, report ← app ← cli, ui ←
     * the launcher. Store sits above planning and trust on purpose (ADR 0002): it persists their records (plans,
     * audit entries, the keyring). The CLI and the GUI never use each other.
     */
    @ArchTest
    static final ArchRule layerOrder = layers();

    private static ArchRule layers() {
        com.tngtech.archunit.library.Architectures.LayeredArchitecture arch =
                com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer l : LAYERS) arch = arch.layer(l.name()).definedBy(l.packages().toArray(String[]::new));
        for (Layer l : LAYERS) {
            arch = l.usedBy().isEmpty() ? arch.whereLayer(l.name()).mayNotBeAccessedByAnyLayer()
                    : arch.whereLayer(l.name()).mayOnlyBeAccessedByLayers(l.usedBy().toArray(String[]::new));
        }
        return arch.because("dependencies point down the layers of docs/architecture.md (ADR 0002)");
    }

    /** Only the UI builds scenes. */
    @ArchTest
    static final ArchRule onlyUiUsesJavafxScene = noClasses()
            .that().resideOutsideOfPackage("hk.baycover.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("only hk.baycover.ui may build JavaFX scenes");

    /** The core and the command line do not touch JavaFX at all (the CLI must run without a display). */
    @ArchTest
    static final ArchRule coreHasNoJavafx = noClasses()
            .that().resideInAnyPackage("hk.baycover.model..", "hk.baycover.catalog..", "hk.baycover.lookup..", "hk.baycover.compare..",
                    "hk.baycover.planning..", "hk.baycover.gaps..", "hk.baycover.report..", "hk.baycover.i18n..", "hk.baycover.store..",
                    "hk.baycover.trust..", "hk.baycover.app..", "hk.baycover.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("services and the CLI run headless; JavaFX stays in hk.baycover.ui");

    /** Only the store speaks SQL. */
    @ArchTest
    static final ArchRule onlyStoreUsesJdbc = noClasses()
            .that().resideOutsideOfPackage("hk.baycover.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("SQLite access lives in hk.baycover.store");

    /** The domain model depends on nothing of ours but itself (and does no I/O of its own). */
    @ArchTest
    static final ArchRule modelIsSelfContained = classes()
            .that().resideInAPackage("hk.baycover.model..")
            .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.not(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("hk.baycover..")
                            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("hk.baycover.model..")))))
            .because("the model is the language of the domain: other layers depend on it, never the reverse");

    @ArchTest
    static final ArchRule modelDoesNoIo = noClasses()
            .that().resideInAPackage("hk.baycover.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..", "javafx..")
            .because("the model has no I/O");

    /** Only the CLI writes to the console; everything else logs. */
    @ArchTest
    static final ArchRule noConsoleOutsideCli = noClasses()
            .that().resideOutsideOfPackage("hk.baycover.cli..")
            .and().doNotHaveFullyQualifiedName("hk.baycover.Launcher")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("printStackTrace")))
            .because("users see messages, the log keeps details (java.util.logging)");

    /**
     * Files the user names are written only through {@code hk.baycover.io.SafeFiles} (guard against the data folder's own
     * files, temp file and atomic rename). The exceptions own their files: the restore swap and the backup check copy
     * (BackupService), the command line's lookup documents beside the database, made under a temporary name and moved
     * into place (LookupCache, ADR 0069), and the start-up probe a developer switches on with a system property.
     */
    @ArchTest
    static final ArchRule filesAreWrittenOnlyThroughSafeFiles = noClasses()
            .that().resideOutsideOfPackage("hk.baycover.io..")
            .and().doNotHaveFullyQualifiedName("hk.baycover.store.BackupService")
            .and().doNotHaveFullyQualifiedName("hk.baycover.store.LookupCache")
            .and().doNotHaveFullyQualifiedName("hk.baycover.app.StartupProbe")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(java.nio.file.Files.class)))
                    .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                    "write|writeString|newOutputStream|newBufferedWriter|move|copy|createTempFile|createFile"))))
            .orShould().callConstructor(java.io.FileOutputStream.class, java.io.File.class)
            .orShould().callConstructor(java.io.FileOutputStream.class, String.class)
            .orShould().callConstructor(java.io.FileWriter.class, String.class)
            .orShould().callConstructor(java.io.FileWriter.class, java.io.File.class)
            .because("every file the user names goes through SafeFiles: never over the database, its WAL, the lock, settings, logs or backups; never half-written");

    /**
     * Files the user names are read only through {@code hk.baycover.io.BoundedInput}: a byte limit that counts the bytes
     * actually read, so a device, a pipe or a growing file cannot fill the memory. The exception: the PDF fonts, which
     * PDFBox opens itself from the system's font folders.
     */
    @ArchTest
    static final ArchRule filesAreReadOnlyThroughBoundedInput = noClasses()
            .that().resideOutsideOfPackage("hk.baycover.io..")
            .and().doNotHaveFullyQualifiedName("hk.baycover.report.CjkFonts")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(java.nio.file.Files.class)))
                    .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                    "readAllBytes|readString|readAllLines|newInputStream|newBufferedReader|lines"))))
            .orShould().callConstructor(java.io.FileInputStream.class, java.io.File.class)
            .orShould().callConstructor(java.io.FileInputStream.class, String.class)
            .orShould().callConstructor(java.io.FileReader.class, String.class)
            .orShould().callConstructor(java.io.FileReader.class, java.io.File.class)
            .because("every file input is read with a byte limit that counts the bytes read (issue 14)");

    /**
     * One clock: only the composition root ({@code app.BayCover.systemClock()}) asks the system for the time; everything
     * else takes "today" and "now" from the injected {@link java.time.Clock}, so a test or a replay can fix the date.
     */
    @ArchTest
    static final ArchRule oneClock = noClasses()
            .that().doNotHaveFullyQualifiedName("hk.baycover.app.BayCover")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .because("the application's one Clock is made in the composition root and passed on (ADR 0009)");

    /** One task runner: background work goes through ui.common.TaskRunner; only its JavaFX implementation uses JavaFX tasks. */
    @ArchTest
    static final ArchRule oneTaskRunner = noClasses()
            .that().doNotHaveFullyQualifiedName("hk.baycover.ui.common.FxTaskRunner")
            .and().haveNameNotMatching("hk\\.baycover\\.ui\\.common\\.FxTaskRunner\\$.*")
            .should().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.animation.PauseTransition")
            .because("background work, its busy flag, progress and errors are handled one way: ui.common.Activity on a TaskRunner");

    /** ViewModels hold state and call services; they do not touch the scene graph or the FX thread, so tests run them without it. */
    @ArchTest
    static final ArchRule viewModelsRunWithoutTheFxThread = noClasses()
            .that().resideInAPackage("hk.baycover.ui..").and().haveSimpleNameEndingWith("Model")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.concurrent..", "javafx.animation..",
                    "javafx.application..", "javafx.stage..")
            .because("ViewModels are unit-tested with the synchronous task runner, without the FX thread");

    /**
     * One application layer: the CLI commands and the screens call the use cases of hk.baycover.app (built once at
     * start-up with the stores and the clock); they build no service, engine or document writer of their own.
     */
    @ArchTest
    static final ArchRule facesBuildNoServices = noClasses()
            .that().resideInAnyPackage("hk.baycover.cli..", "hk.baycover.ui..")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("hk.baycover.compare..",
                                    "hk.baycover.planning..", "hk.baycover.gaps..", "hk.baycover.report..", "hk.baycover.lookup..",
                                    "hk.baycover.store..", "hk.baycover.catalog..")
                                    .and(com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                            ".*(Service|Engine|Planner|Recommender|Adjudicator|Pdf|PdfBuilder|Csv|ClientFile|Library|Store|Reader|Writer)")))))
            .because("compare, plan, recommend, proposal export, gap matrix, import/export and backup are use cases in hk.baycover.app, "
                    + "called by both faces (ADR 0009)");

    /** One PDF builder: only report.PdfBuilder and the font lookup it uses (report.CjkFonts) touch PDFBox. */
    @ArchTest
    static final ArchRule onePdfBuilder = noClasses()
            .that().doNotHaveFullyQualifiedName("hk.baycover.report.PdfBuilder")
            .and().haveNameNotMatching("hk\\.baycover\\.report\\.(PdfBuilder|CjkFonts)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
            .because("every document (proposal, comparison, gap report) is written by the one PdfBuilder on CjkFonts");
}
