package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.VoiceSettings;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.voice.SpeechEngine;
import org.openkiosk.app.voice.SpokenLanguage;

/**
 * Spoken guidance on the demo kiosk (real drivers on their simulators, the demo store), with a recording engine at
 * the process boundary in place of espeak-ng (the adapter is tested for real in {@code EspeakNgTest}): each screen
 * says its prompt and cuts the last one off, outcomes and the idle warning are said, and in whole sessions nothing
 * personal — ID number, name, booking code, any digit — is ever sent to the engine.
 */
class SpokenGuidanceTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String NAME = "测试";

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;
    private FlowDriver citizen;
    private final RecordingEngine engine = new RecordingEngine();

    private void start(VoiceSettings.StartsOn startsOn) throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig loaded = ConfigLoader.load(configDir);
        KioskConfig config = new KioskConfig(loaded.kiosk(),
                loaded.ui().withVoice(new VoiceSettings(startsOn, 120)), loaded.devices(), loaded.store(),
                loaded.maintenance());
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true).withDemo(true));
        runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, fx.clock);
        fx.runtime = runtime;
        fx.fx(() -> {
            fx.shell.setSpeechEngine(engine);
            fx.shell.showReady(config, runtime);
        });
        citizen = new FlowDriver(fx);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void theHeaderToggleSwitchesGuidanceOnAndEachScreenCutsTheLastPromptOffAndSaysItsOwn() throws Exception {
        start(VoiceSettings.StartsOn.ELDER); // elder mode is off: guidance starts off
        citizen.touch("service-certificate-printing");
        citizen.awaitScreen(IdentifyScreen.ID);
        assertThat(engine.said()).as("guidance is off").isEmpty();

        citizen.touch("toggle-voice");
        awaitSaid("voice.screen.identify", Language.ZH);
        assertThat(engine.said.get(0).volume()).as("the configured volume").isEqualTo(120);

        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        awaitSaid("voice.screen.identity-confirmed", Language.ZH);
        assertThat(engine.said.get(0).cut()).as("the identify prompt was cut off").isTrue();

        citizen.touch("continue");
        awaitSaid("voice.screen.certificate-list", Language.ZH);
        citizen.touch("toggle-language");
        awaitSaid("voice.screen.certificate-list", Language.EN);
        assertThat(engine.last().language()).isEqualTo(SpokenLanguage.ENGLISH);
        citizen.touch("toggle-language");
        awaitSaid("voice.screen.certificate-list", Language.ZH);
        assertThat(engine.last().language()).isEqualTo(SpokenLanguage.MANDARIN);

        citizen.touch("certificate-no-criminal-record");
        awaitSaid("voice.screen.certificate-preview", Language.ZH);
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        awaitSaid("voice.certificate.printed", Language.ZH);
        assertThat(engine.last().text()).isEqualTo("打印完成，请取走证明。");

        citizen.touch("print-receipt");
        awaitSaid("voice.certificate.receipt.printed", Language.ZH);
        citizen.touch("done");
        awaitSaid("voice.screen.rating", Language.ZH);
        citizen.touch("rate-satisfied");
        citizen.awaitScreen("leaving");
        awaitSaid("voice.leaving.receipt", Language.ZH);
        assertThat(fx.<Label>node("#leaving-message").getText()).isEqualTo("请取走身份证和凭条");

        citizen.touch("toggle-voice");
        citizen.await(() -> engine.last().cut(), "switching guidance off cuts the prompt off");
        citizen.touch("leave");
        citizen.awaitScreen("attract");
        assertThat(engine.said).allSatisfy(s -> assertThat(s.cut()).as(s.text()).isTrue());
        assertNothingPersonal(List.of());
    }

    @Test
    void aBookingAndItsCheckInSayTheirOutcomesButNeverTheBookingCode() throws Exception {
        start(VoiceSettings.StartsOn.ALWAYS);
        var receipts = runtime.simulators().receipt().orElseThrow();
        citizen.touch("service-appointments");
        awaitSaid("voice.screen.identify", Language.ZH);
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        awaitSaid("voice.screen.book-service", Language.ZH);
        citizen.touch("book-exit-entry");
        awaitSaid("voice.screen.book-day", Language.ZH);
        citizen.touch("day-2026-11-24");
        citizen.awaitScreen("book-slot");
        awaitSaid("voice.screen.book-slot", Language.ZH);
        citizen.touch("slot-1000");
        awaitSaid("voice.screen.book-confirm", Language.ZH);
        citizen.touch("book");
        citizen.awaitScreen("booked");
        awaitSaid("voice.booked.printed", Language.ZH);
        citizen.await(() -> receipts.receipts().size() == 1, "the slip");
        String qr = receipts.receipts().get(0).qrPayloads().get(0);
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.awaitScreen("leaving");
        awaitSaid("voice.leaving.receipt", Language.ZH);
        citizen.touch("leave");
        citizen.awaitScreen("attract");

        fx.clock.advance(Duration.ofHours(24).plusMinutes(10));
        citizen.touch("service-check-in");
        citizen.awaitScreen(IdentifyScreen.ID);
        runtime.demoControls().orElseThrow().scan(qr);
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("ticket");
        awaitSaid("voice.ticket.printed", Language.ZH);

        List<String> bookingCodes = new ArrayList<>(List.of(qr));
        bookingCodes.addAll(List.of(qr.split("[:]")));
        bookingCodes.removeIf(s -> s.length() < 4);
        assertNothingPersonal(bookingCodes);
    }

    @Test
    void withoutAReceiptTheLeavingScreenDoesNotMentionOneAndTheIdleWarningIsSaid() throws Exception {
        start(VoiceSettings.StartsOn.ALWAYS);
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("certificate-no-criminal-record");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        awaitSaid("voice.certificate.printed", Language.ZH);

        fx.clock.advance(fx.ctx().config().ui().idleTimeout().plusSeconds(1));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        awaitSaid("voice.idle.warning", Language.ZH);
        int saidSoFar = engine.said.size();
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        assertThat(engine.said).as("the warning is said once, not on every tick").hasSize(saidSoFar);
        citizen.touch("idle-stay");

        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.awaitScreen("leaving");
        awaitSaid("voice.leaving", Language.ZH);
        String leaving = fx.<Label>node("#leaving-message").getText();
        assertThat(leaving).isEqualTo("请带好身份证和随身物品").doesNotContain("凭条");
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(fx.<Label>node("#leaving-message").getText()).doesNotContainIgnoringCase("receipt");
        assertNothingPersonal(List.of());
    }

    private void awaitSaid(String key, Language language) {
        String text = Messages.bundle(language).getString(key);
        citizen.await(() -> !engine.said.isEmpty() && engine.last().text().equals(text),
                key + " said in " + language + " (last said: " + (engine.said.isEmpty() ? "nothing" : engine.last().text()) + ")");
    }

    /** Everything sent to the engine is a voice.* bundle text: no digits, no ID number, name or booking code. */
    private void assertNothingPersonal(List<String> bookingCodes) {
        Set<String> allowed = new HashSet<>();
        for (Language l : Language.values()) {
            var bundle = Messages.bundle(l);
            bundle.keySet().stream().filter(k -> k.startsWith("voice.")).map(bundle::getString).forEach(allowed::add);
        }
        assertThat(engine.said).isNotEmpty().allSatisfy(s -> {
            assertThat(allowed).as("only bundle texts are spoken").contains(s.text());
            assertThat(s.text()).doesNotContain(ID_NUMBER).doesNotContain(ID_NUMBER.substring(14))
                    .doesNotContain(NAME).doesNotContainPattern("[0-9０-９]");
            for (String code : bookingCodes) {
                assertThat(s.text()).doesNotContain(code);
            }
        });
    }

    /** The process boundary: what would have been handed to espeak-ng, and whether it was cut off. */
    static final class RecordingEngine implements SpeechEngine {

        record Said(SpokenLanguage language, int volume, String text, AtomicBoolean cutOff) {
            boolean cut() {
                return cutOff.get();
            }
        }

        final List<Said> said = new CopyOnWriteArrayList<>();

        @Override
        public Utterance start(SpokenLanguage language, int volume, String text) {
            Said s = new Said(language, volume, text, new AtomicBoolean());
            said.add(s);
            return new Utterance() {
                @Override
                public void cutOff() {
                    s.cutOff().set(true);
                }

                @Override
                public boolean speaking() {
                    return !s.cut();
                }
            };
        }

        List<Said> said() {
            return said;
        }

        Said last() {
            return said.get(said.size() - 1);
        }
    }
}
