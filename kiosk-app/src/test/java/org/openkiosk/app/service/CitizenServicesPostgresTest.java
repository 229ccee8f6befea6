package org.openkiosk.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import picocli.CommandLine;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreBackend;

/** The citizen-services contract on a real PostgreSQL server, started once for this class. */
class CitizenServicesPostgresTest extends CitizenServicesContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void auditVerifyCommandChecksTheSharedDatabase() {
        Path keyFile = tempDir.resolve("audit.key");
        AuditKey key = AuditKey.loadOrGenerate(keyFile);
        CitizenServices keyed = new CitizenServices(store, new EmbeddedServicePlatform(store), catalogue, renderer, a4,
                receipts, clock, "K-01", HALL, key, Optional.of(new AuditHeadFile(tempDir.resolve("audit.head"))),
                org.openkiosk.app.service.certificate.HolderKey.demo());
        keyed.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.empty());
        keyed.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.empty());
        assertThat(auditVerify()).isEqualTo(ExitCodes.OK);
        execute("UPDATE audit_log SET recorded_at = recorded_at + INTERVAL '1' SECOND WHERE seq = 1");
        StringWriter err = new StringWriter();
        assertThat(auditVerify(err)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 1");
    }

    private int auditVerify(StringWriter... err) {
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err.length > 0 ? err[0] : new StringWriter(), true));
        return cl.execute("audit", "verify", "--store-url", config.url(), "--store-user", config.user(),
                "--data", tempDir.toString(), "--key-file", tempDir.resolve("audit.key").toString());
    }

    @Override
    StoreBackend backend() {
        return POSTGRES.backend();
    }
}
