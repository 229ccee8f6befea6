package org.openkiosk.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** audit.log is kept at least six months and never cut short by a size cap (ADR 0067). */
class AuditLogRetentionTest {

    static final int SIX_MONTHS_IN_DAYS = 184; // the longest six consecutive months

    @Test
    void theAuditAppenderKeepsAtLeastSixMonthsWithoutASizeCap() throws Exception {
        Document config;
        try (InputStream in = KioskLogging.class.getResourceAsStream("/logback.xml")) {
            config = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element audit = null;
        NodeList appenders = config.getElementsByTagName("appender");
        for (int i = 0; i < appenders.getLength(); i++) {
            Element e = (Element) appenders.item(i);
            if (e.getAttribute("name").equals("AUDIT_FILE")) {
                audit = e;
            }
        }
        assertThat(audit).as("the AUDIT_FILE appender").isNotNull();
        Element policy = (Element) audit.getElementsByTagName("rollingPolicy").item(0);
        int maxHistory = Integer.parseInt(policy.getElementsByTagName("maxHistory").item(0).getTextContent().strip());
        assertThat(maxHistory).isGreaterThanOrEqualTo(SIX_MONTHS_IN_DAYS);
        assertThat(policy.getElementsByTagName("totalSizeCap").getLength()).as("a size cap deletes young archives")
                .isZero();
    }
}
