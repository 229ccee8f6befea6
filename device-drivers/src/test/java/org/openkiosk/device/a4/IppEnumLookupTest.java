package org.openkiosk.device.a4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.a4.ipp.IppEnum;
import org.openkiosk.device.a4.ipp.IppOperation;
import org.openkiosk.device.a4.ipp.IppStatus;

/** The one lookup of IPP values by their number on the wire (IppEnum), for each enum that uses it. */
class IppEnumLookupTest {

    @Test
    void everyValueIsFoundByItsCodeAndNoTwoShareOne() {
        for (Class<? extends IppEnum> type : java.util.List.of(PrinterState.class, JobState.class, IppOperation.class,
                IppStatus.class)) {
            IppEnum[] constants = type.getEnumConstants();
            assertThat(Arrays.stream(constants).mapToInt(IppEnum::code).distinct().count())
                    .as(type.getSimpleName() + " codes are unique").isEqualTo(constants.length);
        }
        for (PrinterState s : PrinterState.values()) {
            assertThat(PrinterState.of(s.code())).isSameAs(s);
        }
        for (JobState s : JobState.values()) {
            assertThat(JobState.of(s.code())).isSameAs(s);
        }
        for (IppOperation o : IppOperation.values()) {
            assertThat(IppOperation.of(o.code())).contains(o);
        }
        for (IppStatus s : IppStatus.values()) {
            assertThat(IppStatus.describe(s.code())).isEqualTo(s.keyword());
        }
    }

    @Test
    void aCodeNobodyDefinesIsUnknownEmptyOrItsClass() {
        assertThat(PrinterState.of(6)).isSameAs(PrinterState.UNKNOWN);
        assertThat(PrinterState.of(3)).isSameAs(PrinterState.IDLE);
        assertThat(JobState.of(2)).isSameAs(JobState.UNKNOWN);
        assertThat(JobState.of(7)).isSameAs(JobState.CANCELED);
        assertThat(JobState.of(7).keyword()).isEqualTo("canceled");
        assertThat(JobState.PROCESSING_STOPPED.keyword()).isEqualTo("processing-stopped");
        assertThat(IppOperation.of(0x000F)).isEmpty();
        assertThat(IppOperation.of(0x000B)).contains(IppOperation.GET_PRINTER_ATTRIBUTES);
        assertThat(IppStatus.describe(0x04FF)).isEqualTo("client error 0x04ff");
        assertThat(IppStatus.describe(0x0507)).isEqualTo("server-error-busy");
        assertThat(IppStatus.SUCCESSFUL_OK_IGNORED_OR_SUBSTITUTED_ATTRIBUTES.keyword())
                .isEqualTo("successful-ok-ignored-or-substituted-attributes");
        assertThat(IppStatus.CLIENT_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED.keyword())
                .isEqualTo("client-error-document-format-not-supported");
        assertThat(IppOperation.GET_PRINTER_ATTRIBUTES.keyword()).isEqualTo("Get-Printer-Attributes");
        assertThat(IppEnum.byCode(JobState.class, 9)).contains(JobState.COMPLETED);
        assertThat(IppEnum.byCode(IppStatus.class, 0x7777)).isEmpty();
    }
}
