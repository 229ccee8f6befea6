package org.openkiosk.app.cli.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.openkiosk.app.certificate.CertificateRequest;
import org.openkiosk.app.certificate.CertificateTemplate;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/** A synthetic person for technicians' test prints; the name holds the rare character 䶮 on purpose. */
public final class SamplePeople {

    public static final String NAME = "测试䶮";
    public static final String ID_NUMBER = "11010519491231002X";

    private SamplePeople() {}

    public static CertificateRequest request(CertificateTemplate template, LocalDate issueDate) {
        try {
            String number = template.code() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new CertificateRequest(template.type(), NAME, IdNumber.parse(ID_NUMBER), Map.of(
                    "address", "示例省示例市示例区幸福路1号",
                    "householder", NAME,
                    "relation", "户主",
                    "since", "2020年1月1日"), issueDate, number);
        } catch (InvalidIdNumberException e) {
            throw new IllegalStateException("the sample ID number is invalid", e);
        }
    }
}
