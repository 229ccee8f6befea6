package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.KioskIdentity;
import org.openkiosk.app.fleet.AsyncApiSchemas;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetTopics;
import org.openkiosk.app.fleet.HelpCalls;
import org.openkiosk.app.fleet.MqttProbe;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.LinkedKiosk;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.Poll;

/**
 * "呼叫工作人员 / Call staff" on a kiosk whose fleet link talks to a real Mosquitto with the example ACL: delivered,
 * acknowledged by a signed command (as the console sends it), cancelled by the citizen, cancelled by the idle reset,
 * and with the link down the plain message with the hall's phone number.
 */
class HelpCallTest {

    private static final AsyncApiSchemas SCHEMAS = AsyncApiSchemas.load();
    private static final String PHONE = "010-12345678 转 8";

    @TempDir
    static Path tmp;

    static MosquittoBroker broker;
    static MqttProbe hall;
    static CommandSigner duty;
    static Path dutyPublic;
    static int kiosks;

    private FxShell fx;
    private LinkedKiosk kiosk;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LinkedKiosk.hallBroker(tmp.resolve("broker"), "K-0102").start();
        KeyPair pair = CertificateKeys.generate(tmp.resolve("operators"), "duty-1", "test operator");
        duty = new CommandSigner(pair.getPrivate(), "duty-1");
        dutyPublic = tmp.resolve("operators/duty-1.public.pem");
        hall = new MqttProbe(broker.port(), "operator", "pw-op", FleetTopics.ALL_HELP_CALLS, "openkiosk/v1/+/+/+/reply");
    }

    @AfterAll
    static void stopBroker() {
        if (hall != null) {
            hall.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.closeLink();
        }
        if (fx != null) {
            fx.close();
        }
        List<MqttProbe.Received> received = hall.all();
        hall.clear();
        // every help call payload the hall received (open, acknowledged, done, cancelled) is one the AsyncAPI allows
        for (MqttProbe.Received r : received) {
            if (r.topic().endsWith("/help") && !r.empty()) {
                assertThat(SCHEMAS.validate("HelpCall", json(r.payload()))).as(r.payload()).isEmpty();
            }
        }

    }

    private static KioskConfig withPhone() {
        KioskConfig c = TestConfigs.sample();
        KioskIdentity k = c.kiosk();
        return new KioskConfig(new KioskIdentity(k.id(), k.hallId(), k.hallNameZh(), k.hallNameEn(), false,
                Optional.of(PHONE)), c.ui(), c.devices(), c.store());
    }

    private void startKiosk(String brokerUri) {
        KioskConfig config = withPhone();
        Path dir = tmp.resolve("kiosk-" + (++kiosks));
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true), clock -> {
            kiosk = LinkedKiosk.start(config, dir, clock, brokerUri, List.of(dutyPublic));
            return kiosk.runtime;
        });
    }

    private void awaitLinked() {
        Poll.until(Duration.ofSeconds(20), "the kiosk connected to the broker", () -> kiosk.fleet.link().connected());
    }

    private String status() {
        return fx.fx(() -> fx.<Label>node("#help-status").getText());
    }

    private void awaitStatus(String text) {
        Poll.until(Duration.ofSeconds(20), "the kiosk shows \"" + text + "\"", () -> text.equals(status()));
    }

    private static JsonNode json(String payload) {
        try {
            return FleetJson.MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }

    private String helpTopic() {
        return kiosk.fleet.link().topics().help();
    }

    private void staffAnswer(String callId, String state) {
        var command = duty.sign(kiosk.target(), CommandProcessor.HELP_CALL, Map.of("call", callId, "state", state),
                Instant.now(), Duration.ofMinutes(5));
        hall.client().publishWith().topic(kiosk.fleet.link().topics().command()).payload(command.toJson())
                .qos(MqttQos.AT_LEAST_ONCE).send().join();
        hall.await(kiosk.fleet.link().topics().reply(), p -> p.contains(command.id()) && p.contains("\"applied\""));
    }

    @Test
    void aCallIsDeliveredThenAcknowledgedByStaffAndEndsWhenTheyAreDone() {
        startKiosk(broker.uri());
        awaitLinked();
        assertThat(fx.node("#help-panel").isVisible()).isFalse();
        fx.robot.clickOn("#service-queries");
        fx.robot.clickOn("#help-call");

        awaitStatus("工作人员已收到，请稍候");
        JsonNode open = json(hall.await(helpTopic(), p -> p.contains("\"open\"")).payload());
        assertThat(open.path("screen").asText()).isEqualTo(fx.fx(() -> fx.ctx().navigator().current().id()));
        assertThat(open.path("kiosk").asText()).isEqualTo("K-0102");
        assertThat(open.toString()).doesNotContain("11010519491231002X");
        String callId = open.path("id").asText();
        assertThat(fx.node("#help-panel").isVisible()).isTrue();

        // a second press does not call twice
        fx.robot.clickOn("#help-call");
        assertThat(fx.fx(() -> kiosk.fleet.helpCalls().current().orElseThrow().id())).isEqualTo(callId);

        staffAnswer(callId, HelpCalls.ACKNOWLEDGED);
        awaitStatus("工作人员正在赶来");
        hall.await(helpTopic(), p -> p.contains("\"acknowledged\"") && p.contains("operator:duty-1"));
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(status()).isEqualTo("A member of staff is on the way.");

        staffAnswer(callId, HelpCalls.DONE);
        Poll.until(Duration.ofSeconds(20), "the note hidden", () -> !fx.fx(() -> fx.node("#help-panel").isVisible()));
    }

    @Test
    void theCitizenCancelsTheCall() {
        startKiosk(broker.uri());
        awaitLinked();
        fx.robot.clickOn("#help-call");
        awaitStatus("工作人员已收到，请稍候");
        assertThat(fx.fx(() -> fx.<Button>node("#help-cancel").getText())).isEqualTo("取消呼叫");
        fx.robot.clickOn("#help-cancel");

        JsonNode cancelled = json(hall.await(helpTopic(), p -> p.contains("\"cancelled\"")).payload());
        assertThat(cancelled.path("reason").asText()).isEqualTo(HelpCalls.CANCELLED_BY_CITIZEN);
        assertThat(fx.node("#help-panel").isVisible()).isFalse();
        // staff who answer late are told the call is over
        var late = duty.sign(kiosk.target(), CommandProcessor.HELP_CALL, Map.of("call", cancelled.path("id").asText(),
                "state", HelpCalls.ACKNOWLEDGED), Instant.now(), Duration.ofMinutes(5));
        hall.client().publishWith().topic(kiosk.fleet.link().topics().command()).payload(late.toJson())
                .qos(MqttQos.AT_LEAST_ONCE).send().join();
        hall.await(kiosk.fleet.link().topics().reply(), p -> p.contains(late.id()) && p.contains("\"rejected\""));
        assertThat(fx.node("#help-panel").isVisible()).isFalse();
    }

    @Test
    void theIdleResetCancelsAnOpenCall() {
        startKiosk(broker.uri());
        awaitLinked();
        fx.robot.clickOn("#service-queries");
        fx.robot.clickOn("#help-call");
        awaitStatus("工作人员已收到，请稍候");

        var idle = fx.shell.idle().orElseThrow();
        fx.clock.advance(Duration.ofSeconds(90));
        fx.fx(idle::tick);
        fx.clock.advance(Duration.ofSeconds(30));
        fx.fx(idle::tick);

        JsonNode cancelled = json(hall.await(helpTopic(), p -> p.contains("\"cancelled\"")).payload());
        assertThat(cancelled.path("reason").asText()).isEqualTo(HelpCalls.CANCELLED_BY_IDLE_RESET);
        assertThat(fx.node("#help-panel").isVisible()).isFalse();
    }

    @Test
    void withTheLinkDownTheKioskSaysSoAndShowsTheHallsPhoneNumber() {
        startKiosk("mqtt://127.0.0.1:1"); // nothing listens there
        fx.robot.clickOn("#help-call");
        awaitStatus("现在无法呼叫工作人员。请拨打大厅服务电话 " + PHONE + "，或到服务台找工作人员。");
        assertThat(fx.fx(() -> fx.<Button>node("#help-cancel").getText())).isEqualTo("知道了");
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(status()).contains(PHONE).startsWith("We cannot call staff right now.");
        fx.robot.clickOn("#help-cancel");
        assertThat(fx.node("#help-panel").isVisible()).isFalse();
    }

    @Test
    void theButtonIsLargerInElderMode() {
        fx = FxShell.ready(withPhone(), ShellOptions.kiosk().withWindowed(true));
        double normal = fx.fx(() -> fx.node("#help-call").getBoundsInLocal().getHeight());
        fx.fx(() -> fx.ctx().elderModeProperty().set(true));
        double elder = fx.fx(() -> {
            fx.node("#help-call").applyCss();
            return fx.node("#help-call").getBoundsInLocal().getHeight();
        });
        assertThat(elder).isGreaterThanOrEqualTo(96).isGreaterThan(normal);
        assertThat(fx.fx(() -> ((Button) fx.node("#help-call")).getText())).isEqualTo("呼叫工作人员");
    }
}
