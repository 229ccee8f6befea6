package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Path resource(String dir) {
        try {
            return Path.of(ConfigLoaderTest.class.getResource("/" + dir + "/kiosk.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConfigProblem> problemsOf(String brokenCase) {
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.load(resource("config-broken/" + brokenCase)),
                ConfigException.class);
        assertThat(e).as("config-broken/%s must be rejected", brokenCase).isNotNull();
        return e.problems();
    }

    @Test
    void theRepositoryDefaultConfigurationIsTheDemoKioskOnSimulators() throws Exception {
        Path repoConfig = Path.of("..", "config").toAbsolutePath().normalize();
        KioskConfig config = ConfigLoader.load(repoConfig);

        assertThat(config.kiosk().hallName("zh")).isEqualTo("市公安局政务服务中心24小时自助服务区");
        assertThat(config.kiosk().hallName("en")).startsWith("City Public Security Service Centre");
        assertThat(config.ui().language()).isEqualTo("zh");
        assertThat(config.ui().idleWarning()).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(config.devices()).containsOnlyKeys(KioskConfig.ID_READER, KioskConfig.RECEIPT_PRINTER,
                KioskConfig.A4_PRINTER, KioskConfig.SCANNER, KioskConfig.DOCUMENT_SCANNER, KioskConfig.FACE_VERIFIER);
        assertThat(config.devices().values()).allSatisfy(d -> assertThat(d.uri().isSimulator()).isTrue());
        assertThat(config.devices().get(KioskConfig.RECEIPT_PRINTER).options()).containsEntry("paperWidthMm", "80");
        assertThat(config.store().type()).isEqualTo("embedded");
    }

    @Test
    void aMinimalFileGetsTheDocumentedDefaults() throws Exception {
        KioskConfig config = ConfigLoader.load(resource("config-valid/minimal"));

        assertThat(config.kiosk()).isEqualTo(new KioskIdentity("K-0001", "H-0001", "测试大厅", "Test hall"));
        assertThat(config.ui()).isEqualTo(new UiSettings("zh", false, Duration.ofSeconds(60), Duration.ofSeconds(30), true));
        assertThat(config.devices()).isEmpty();
        assertThat(config.store()).isEqualTo(new StoreConfig("embedded", null, null, null));
    }

    @Test
    void badYamlSyntaxNamesTheLineAndSuggestsQuoting() {
        assertThat(problemsOf("bad-syntax")).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("kiosk.yaml");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).startsWith("YAML syntax error").contains("mapping values are not allowed");
            assertThat(p.hint()).contains("uri: \"sim:\"");
        });
    }

    @Test
    void tabsInIndentationAreASyntaxErrorWithAHint() {
        assertThat(problemsOf("tab-indent")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.hint()).isEqualTo("indent with spaces, not tabs");
        });
    }

    @Test
    void anUnknownKeyIsAnErrorWithDidYouMean() {
        assertThat(problemsOf("unknown-key")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.fieldPath()).isEqualTo("ui.idelTimeout");
            assertThat(p.message()).isEqualTo("unknown key \"idelTimeout\"");
            assertThat(p.hint()).isEqualTo("did you mean \"idleTimeout\"?");
        });
    }

    @Test
    void anUnknownDriverListsTheKnownDriversOfItsClass() {
        assertThat(problemsOf("unknown-driver")).singleElement().hasToString(
                "kiosk.yaml:14 devices.receiptPrinter.driver: unknown driver \"escpos2\" (known: escpos, sim)");
    }

    @Test
    void aBadTransportUriCarriesTheParsersReasonAndTheForms() {
        assertThat(problemsOf("bad-uri")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.fieldPath()).isEqualTo("devices.receiptPrinter.uri");
            assertThat(p.message()).contains("needs a port");
            assertThat(p.hint()).contains("tcp://HOST:PORT");
        });
    }

    @Test
    void aDriverCannotUseASchemeItDoesNotSpeak() {
        assertThat(problemsOf("driver-cannot-use-scheme")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.fieldPath()).isEqualTo("devices.a4Printer.uri");
            assertThat(p.message()).isEqualTo("driver ipp cannot use a usblp: URI");
            assertThat(p.hint()).isEqualTo("use cups:, sim:");
        });
    }

    @Test
    void theIdleWarningMustGiveAtLeastTwentySeconds() {
        assertThat(problemsOf("idle-warning-too-short")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.fieldPath()).isEqualTo("ui.idleWarning");
            assertThat(p.message()).isEqualTo("must be at least 20s, got 10s");
            assertThat(p.hint()).contains("20s");
        });
    }

    @Test
    void missingFieldsAreReportedAtTheirSection() {
        assertThat(problemsOf("missing-field")).extracting(ConfigProblem::toString).containsExactly(
                "kiosk.yaml:1 kiosk.id: missing (e.g. id: K-0101)",
                "kiosk.yaml:7 devices.idReader.driver: missing (e.g. driver: ga467)");
    }

    @Test
    void wrongTypesAreReportedEachWithItsLine() {
        List<ConfigProblem> problems = problemsOf("wrong-type");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(8, 9, 10, 12);
        assertThat(problems).extracting(ConfigProblem::fieldPath)
                .containsExactly("ui.elderMode", "ui.idleTimeout", "ui.touchMode", "devices.scanner");
        assertThat(problems.get(0).message()).isEqualTo("expected true or false, got \"sometimes\"");
        assertThat(problems.get(1).hint()).isEqualTo("add a unit: 90s or 90m");
        assertThat(problems.get(2).message()).isEqualTo("expected true or false, got a list");
        assertThat(problems.get(3).message()).isEqualTo("expected a mapping of keys, got \"wedge\"");
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRunInFileOrder() {
        assertThat(problemsOf("several-problems")).extracting(ConfigProblem::toString).containsExactly(
                "kiosk.yaml:3 kiosk.id: \"K 0101\" is not a valid id (1–32 letters, digits, '.', '_' or '-', e.g. K-0101)",
                "kiosk.yaml:5 kiosk.hallName.en: missing (e.g. en: Citizen Service Centre)",
                "kiosk.yaml:8 ui.language: unknown value \"fr\" (known: zh, en)",
                "kiosk.yaml:9 ui.idleWarning: must be at least 20s, got 5s (citizens need at least 20s to answer \"still there?\")",
                "kiosk.yaml:13 devices.idReader.uri: baud must be positive, got -5 (forms: serial:/dev/ttyUSB0?baud=115200, "
                        + "tcp://HOST:PORT, usblp:/dev/usb/lp0, cups:QUEUE, sane:DEVICE, wedge:, sdtapi:LIB?port=N, sim:)",
                "kiosk.yaml:15 devices.receiptPrinter.driver: unknown driver \"escpos2\" (known: escpos, sim)",
                "kiosk.yaml:18 devices.printer: unknown key \"printer\" (did you mean \"a4Printer\"?)",
                "kiosk.yaml:20 store.url: missing (e.g. url: jdbc:postgresql://10.1.2.5:5432/kiosk)",
                "kiosk.yaml:22 store.password: environment variable KIOSK_TEST_UNSET_VARIABLE is not set "
                        + "(set it for the kiosk's service, or write the value directly)",
                "kiosk.yaml:23 store.port: unknown key \"port\" (known: forwardRetryMax, password, type, url, user, walkInReserve)");
    }

    @Test
    void aMissingDirectoryIsOneProblemNamingTheOverrides(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isZero();
                            assertThat(p.message()).contains("file not found");
                            assertThat(p.hint()).contains("--config DIR").contains("KIOSK_CONFIG");
                        }));
    }

    @Test
    void duplicateKeysAreErrors() {
        String yaml = "kiosk:\n  id: A\n  hallId: H\n  id: B\n  hallName: {zh: 甲, en: A}\n";
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", yaml, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .containsExactly("kiosk.yaml:4 kiosk.id: duplicate key (also on line 2) "
                                + "(keep only one; this later one would win)"));
    }

    @Test
    void anAliasIsAProblemNotTheAnchorsNameAsText() {
        // found while writing the fuzz corpus (ADR 0137): the streaming parser gave *x as the text "x", so helpPhone read "x"
        String yaml = "kiosk:\n  id: &x K-0101\n  hallId: H\n  hallName: {zh: 甲, en: A}\n  helpPhone: *x\n";
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", yaml, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .contains("kiosk.yaml:5 kiosk.helpPhone: a YAML alias (*x) is not supported in the configuration "
                                + "(write the value out in full instead of *x (anchors and aliases are not expanded))"));
    }

    @Test
    void aDocumentOverTheParsersLimitsIsALocatedProblemWithItsOwnHint() {
        String deep = "kiosk: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        String huge = "kiosk:\n  id: " + "x".repeat(3_200_000) + "\n";
        for (String yaml : new String[] {deep, huge}) {
            assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", yaml, name -> null))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.message()).startsWith("YAML syntax error").contains("exceeds");
                                assertThat(p.hint()).contains("pasted in by mistake");
                            }));
        }
    }

    @Test
    void nestingPastTheConfigurationLimitIsALocatedProblemOnItsLine() {
        // ADR 0204: 32 levels (the shipped files need 6); the root mapping is level 1, "kiosk:" opens level 2
        StringBuilder yaml = new StringBuilder("kiosk:\n");
        for (int level = 2; level <= YamlTree.MAX_NESTING_DEPTH + 5; level++) {
            yaml.append("  ".repeat(level - 1)).append("l").append(level).append(":\n");
        }
        yaml.append("  ".repeat(YamlTree.MAX_NESTING_DEPTH + 5)).append("x: 1\n");
        int lineOfLevel33 = YamlTree.MAX_NESTING_DEPTH + 1;

        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", yaml.toString(), name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo("kiosk.yaml");
                            assertThat(p.line()).isEqualTo(lineOfLevel33);
                            assertThat(p.message()).isEqualTo("YAML syntax error: nesting exceeds the limit of 32 "
                                    + "levels of mappings and lists (the configuration files need at most 6)");
                            assertThat(p.hint()).contains("a few levels deep", "pasted in by mistake");
                        }));
    }

    @Test
    void nestingUpToTheLimitIsReadAndBound() {
        // 32 levels in flow style: the binder's problems (unknown key), not a syntax error
        String deepest = "kiosk:\n  id: K-1\n  hallId: H\n  hallName: {zh: 甲, en: A}\n"
                + "  extra: " + "[".repeat(YamlTree.MAX_NESTING_DEPTH - 2) + "]".repeat(YamlTree.MAX_NESTING_DEPTH - 2) + "\n";
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", deepest, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).noneMatch(m -> m.contains("YAML syntax error"))
                        .anyMatch(m -> m.contains("unknown key \"extra\"")));
        String oneTooDeep = deepest.replace("extra: [", "extra: [[").replace("]\n", "]]\n");
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", oneTooDeep, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).startsWith("kiosk.yaml:5 YAML syntax error: nesting "
                                + "exceeds the limit of 32")));
    }

    @Test
    void passwordsComeFromTheEnvironmentAndNumbersStayText() throws Exception {
        String yaml = "kiosk:\n  id: 0102\n  hallId: H\n  hallName: {zh: 甲, en: A}\n"
                + "store:\n  type: postgresql\n  url: jdbc:postgresql://db:5432/kiosk\n  user: kiosk\n"
                + "  password: pre-${DB_SECRET}\n";
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", yaml, name -> name.equals("DB_SECRET") ? "s3cret" : null);

        assertThat(config.kiosk().id()).isEqualTo("0102");
        assertThat(config.store()).isEqualTo(new StoreConfig("postgresql", "jdbc:postgresql://db:5432/kiosk", "kiosk",
                "pre-s3cret", "pre-${DB_SECRET}"));
    }

    @Test
    void aPostgresqlUrlThatDoesNotVerifyTheServerIsRefusedOutsideATestInstallation() throws Exception {
        String store = "store:\n  type: postgresql\n  url: jdbc:postgresql://db:5432/kiosk?sslmode=require\n";
        String production = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n" + store;
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", production, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly("kiosk.yaml:7 store.url: sslmode=require"
                                + " does not verify the database server (booking data and ID numbers travel on this"
                                + " link) (leave sslmode out (verify-full is the default), or set"
                                + " kiosk.testInstallation: true for a test installation)"));
        String test = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n  testInstallation: true\n" + store;
        assertThat(ConfigLoader.parse("kiosk.yaml", test, name -> null).store().url()).endsWith("sslmode=require");
    }

    @Test
    void faceVerifierOptionsAreChecked() {
        String yaml = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n"
                + "devices:\n  faceVerifier: {driver: facesdk, uri: \"sim:\", options: {attempts: 12, colour: red,"
                + " previewFps: 30}}\n";
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", yaml, name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                                "kiosk.yaml:6 devices.faceVerifier.options: unknown face verifier option colour"
                                        + " (known: attempts, threshold, library, outcome, liveness, previewFps)",
                                "kiosk.yaml:6 devices.faceVerifier.options: option attempts must be a whole number"
                                        + " 1–10, got '12'",
                                "kiosk.yaml:6 devices.faceVerifier.options: option previewFps must be a whole number"
                                        + " 0–15 (0: no live preview), got '30' (the face screen's live camera"
                                        + " preview, frames per second)",
                                "kiosk.yaml:6 devices.faceVerifier.options: driver facesdk needs options.library"
                                        + " (the vendor's face SDK, e.g. library: /opt/vendor/libfacesdk.so)"));
    }

    @Test
    void aV4l2CamerasParametersAreCheckedWithTheirLine() throws Exception {
        String head = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\ndevices:\n  faceVerifier:\n"
                + "    driver: platform\n";
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", head
                + "    uri: \"v4l2:/dev/video0?width=480&warmupFrames=8\"\n", name -> null);
        assertThat(config.devices().get("faceVerifier").uri().target()).isEqualTo("/dev/video0");
        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", head
                + "    uri: \"v4l2:/dev/video0?width=480&fps=30\"\n", name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly(
                                "kiosk.yaml:8 devices.faceVerifier.uri: unknown camera parameter \"fps\" in"
                                        + " v4l2:/dev/video0?width=480&fps=30 (known: width, warmupFrames,"
                                        + " timeoutSeconds, maxFrameKiB, inputFormat) (e.g."
                                        + " v4l2:/dev/video0?width=640&warmupFrames=5&timeoutSeconds=5)"));
    }

    @Test
    void hallOutageSettingsAreReadAndCheckedWithTheirLines() throws Exception {
        String head = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n"
                + "store:\n  type: postgresql\n  url: jdbc:postgresql://db:5432/kiosk\n";
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", head + "  walkInReserve: 80\n  forwardRetryMax: 2m\n",
                name -> null);
        assertThat(config.store().walkInReserve()).isEqualTo(80);
        assertThat(config.store().forwardRetryMax()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(ConfigLoader.parse("kiosk.yaml", head, name -> null).store().walkInReserve())
                .isEqualTo(StoreConfig.DEFAULT_WALK_IN_RESERVE);

        assertThatThrownBy(() -> ConfigLoader.parse("kiosk.yaml", head + "  walkInReserve: 0\n"
                + "  forwardRetryMax: 2h\n", name -> null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly(
                                "kiosk.yaml:8 store.walkInReserve: must be from 1 to 10000, got 0",
                                "kiosk.yaml:9 store.forwardRetryMax: must be from 1s to 10m, got 7200s (the kiosk"
                                        + " retries forwarding at most this long apart during an outage, e.g. 30s)"));
    }

    @Test
    void aSimulatorDriverNeedsNoUriAndARealDriverMayTalkToItsSimulator() throws Exception {
        String yaml = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n"
                + "devices:\n  scanner: {driver: sim}\n  idReader: {driver: ga467, uri: \"sim:card-30\", required: false}\n";
        KioskConfig config = ConfigLoader.parse("kiosk.yaml", yaml, name -> null);

        assertThat(config.devices().get("scanner").uri().toString()).isEqualTo("sim:");
        assertThat(config.devices().get("scanner").required()).isTrue();
        assertThat(config.devices().get("idReader").uri().target()).isEqualTo("card-30");
        assertThat(config.devices().get("idReader").required()).isFalse();
    }

    @Test
    void aFileThatIsNotUtf8IsRejected(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K\n  hallName: {zh: 大厅}\n".getBytes("GB18030"));
        assertThatThrownBy(() -> ConfigLoader.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("not UTF-8 text")));
    }

    private static List<ConfigProblem> problemsOfText(String yaml) {
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.parse("kiosk.yaml", yaml, name -> null),
                ConfigException.class);
        assertThat(e).as("must be rejected:%n%s", yaml).isNotNull();
        return e.problems();
    }

    private static final String MINIMAL = "kiosk:\n  id: K\n  hallId: H\n  hallName: {zh: 甲, en: A}\n";

    @Test
    void yesAndOnAreNotTakenForBooleans() {
        assertThat(problemsOfText(MINIMAL + "ui:\n  elderMode: yes\n  touchMode: off\n"))
                .extracting(ConfigProblem::toString).containsExactly(
                        "kiosk.yaml:6 ui.elderMode: expected true or false, got \"yes\" (write true or false)",
                        "kiosk.yaml:7 ui.touchMode: expected true or false, got \"off\" (write true or false)");
    }

    @Test
    void theHelpPhoneIsANumberACitizenCanDialAndIsNamedByLineWhenItIsNot() throws Exception {
        String withPhone = "kiosk:\n  id: K\n  hallId: H\n  helpPhone: \"010-12345678 转 8\"\n  hallName: {zh: 甲, en: A}\n";
        assertThat(ConfigLoader.parse("kiosk.yaml", withPhone, name -> null).kiosk().helpPhone())
                .contains("010-12345678 转 8");
        assertThat(ConfigLoader.parse("kiosk.yaml", MINIMAL, name -> null).kiosk().helpPhone()).isEmpty();
        assertThat(problemsOfText(withPhone.replace("010-12345678 转 8", "ask at the desk"))).singleElement()
                .hasToString("kiosk.yaml:4 kiosk.helpPhone: \"ask at the desk\" is not a phone number (3–20 digits "
                        + "with spaces, '-', '+', '(', ')' or 转 (extension), e.g. 010-12345678 转 8)");
    }

    @Test
    void aSecondDocumentIsAnError() {
        assertThat(problemsOfText(MINIMAL + "---\nui: {}\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("a second YAML document (after ---)"));
    }

    @Test
    void anUnknownDeviceNameSuggestsTheClosestLogicalName() {
        assertThat(problemsOfText(MINIMAL + "devices:\n  idreader: {driver: sim}\n")).singleElement()
                .hasToString("kiosk.yaml:6 devices.idreader: unknown key \"idreader\" (did you mean \"idReader\"?)");
    }

    @Test
    void aByteOrderMarkIsTolerated(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kiosk.yaml"), "\uFEFF" + MINIMAL);
        assertThat(ConfigLoader.load(dir).kiosk().hallNameZh()).isEqualTo("甲");
    }

    @Test
    void anEmptyFileIsMissingItsKioskSection() {
        assertThat(problemsOfText("# nothing yet\n")).extracting(ConfigProblem::toString)
                .containsExactly("kiosk.yaml:1 kiosk: missing (add a \"kiosk:\" section)");
    }

    @Test
    void aMisnamedFileIsPointedOut(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kiosk.yml"), MINIMAL);
        assertThatThrownBy(() -> ConfigLoader.load(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.hint()).isEqualTo("found kiosk.yml; rename it to kiosk.yaml")));
    }
}
