package org.openkiosk.device.a4.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IppCodecTest {

    @Test
    void aRequestRoundTripsWithMultiValuedAttributes() throws Exception {
        IppMessage request = new IppMessage.Builder(IppOperation.GET_JOB_ATTRIBUTES, 7)
                .operation("printer-uri", IppTag.URI, "ipp://localhost:631/printers/kioskA4")
                .operation("job-id", IppTag.INTEGER, 42)
                .operation("requested-attributes", IppTag.KEYWORD, "job-state", "job-state-reasons")
                .build();
        byte[] bytes = IppCodec.encode(request);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(1, 1, 0, 9, 0, 0, 0, 7);
        IppMessage decoded = IppCodec.decode(bytes);
        assertThat(decoded.code()).isEqualTo(IppOperation.GET_JOB_ATTRIBUTES);
        assertThat(decoded.requestId()).isEqualTo(7);
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "attributes-charset").orElseThrow().strings()).containsExactly("utf-8");
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "job-id").orElseThrow().intValue(0)).isEqualTo(42);
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "requested-attributes").orElseThrow().strings())
                .containsExactly("job-state", "job-state-reasons");
    }

    @Test
    void collectionsAreSkippedAndTheFollowingAttributesStillDecode() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0x0101);
        out.writeShort(0x0000); // successful-ok
        out.writeInt(3);
        out.writeByte(IppTag.PRINTER_ATTRIBUTES);
        attribute(out, IppTag.BEGIN_COLLECTION, "media-col-default", new byte[0]);
        attribute(out, IppTag.MEMBER_ATTR_NAME, "", "media-size".getBytes(StandardCharsets.US_ASCII));
        attribute(out, IppTag.BEGIN_COLLECTION, "", new byte[0]);
        attribute(out, IppTag.MEMBER_ATTR_NAME, "", "x-dimension".getBytes(StandardCharsets.US_ASCII));
        attribute(out, IppTag.INTEGER, "", new byte[] {0, 0, 0x52, 0x08});
        attribute(out, IppTag.END_COLLECTION, "", new byte[0]);
        attribute(out, IppTag.END_COLLECTION, "", new byte[0]);
        attribute(out, IppTag.ENUM, "printer-state", new byte[] {0, 0, 0, 5});
        attribute(out, IppTag.KEYWORD, "printer-state-reasons", "paused".getBytes(StandardCharsets.US_ASCII));
        attribute(out, IppTag.KEYWORD, "", "media-empty-error".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(IppTag.END_OF_ATTRIBUTES);

        IppMessage decoded = IppCodec.decode(bytes.toByteArray());
        assertThat(decoded.isSuccessful()).isTrue();
        assertThat(decoded.find(IppTag.PRINTER_ATTRIBUTES, "printer-state").orElseThrow().intValue(0)).isEqualTo(5);
        assertThat(decoded.find(IppTag.PRINTER_ATTRIBUTES, "printer-state-reasons").orElseThrow().strings())
                .containsExactly("paused", "media-empty-error");
        assertThat(decoded.groups().get(0).attributes()).extracting(IppAttribute::name)
                .containsExactly("media-col-default", "printer-state", "printer-state-reasons");
    }

    @Test
    void aTruncatedMessageIsAFormatError() {
        byte[] bytes = IppCodec.encode(new IppMessage.Builder(IppOperation.PRINT_JOB, 1).build());
        assertThatThrownBy(() -> IppCodec.decode(Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(IppFormatException.class).hasMessageContaining("truncated");
    }

    private static void attribute(DataOutputStream out, int tag, String name, byte[] value) throws Exception {
        out.writeByte(tag);
        out.writeShort(name.length());
        out.writeBytes(name);
        out.writeShort(value.length);
        out.write(value);
    }
}
