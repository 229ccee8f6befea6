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
        assertThat(decoded.code()).isEqualTo(IppOperation.GET_JOB_ATTRIBUTES.code());
        assertThat(decoded.requestId()).isEqualTo(7);
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "attributes-charset").orElseThrow().strings()).containsExactly("utf-8");
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "job-id").orElseThrow().intValue(0)).isEqualTo(42);
        assertThat(decoded.find(IppTag.OPERATION_ATTRIBUTES, "requested-attributes").orElseThrow().strings())
                .containsExactly("job-state", "job-state-reasons");
    }

    @Test
    void collectionsAreDecodedMemberByMemberAndTheFollowingAttributesStillDecode() throws Exception {
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
        IppCollection mediaCol = decoded.find(IppTag.PRINTER_ATTRIBUTES, "media-col-default").orElseThrow().collections().get(0);
        IppCollection size = mediaCol.find("media-size").orElseThrow().collections().get(0);
        assertThat(size.find("x-dimension").orElseThrow().intValue(0)).isEqualTo(0x5208);
        // and it encodes back to the same bytes
        assertThat(IppCodec.encode(decoded)).isEqualTo(bytes.toByteArray());
    }

    @Test
    void aFullGetPrinterAttributesAnswerCapturedFromIppeveprinterDecodes() throws Exception {
        byte[] captured = GoldenBytes.resource("/org/openkiosk/device/a4/ipp/ippeveprinter-get-printer-attributes-all.bin");
        IppMessage answer = IppCodec.decode(captured);
        assertThat(answer.statusKeyword()).isEqualTo("successful-ok");
        assertThat(answer.find(IppTag.PRINTER_ATTRIBUTES, "printer-name").orElseThrow().strings()).containsExactly("KioskTestA4");
        assertThat(answer.find(IppTag.PRINTER_ATTRIBUTES, "printer-state").orElseThrow().intValue(0)).isEqualTo(3);
        assertThat(answer.find(IppTag.PRINTER_ATTRIBUTES, "ipp-versions-supported").orElseThrow().strings()).contains("1.1", "2.0");
        IppCollection mediaCol = answer.find(IppTag.PRINTER_ATTRIBUTES, "media-col-default").orElseThrow().collections().get(0);
        assertThat(mediaCol.find("media-size").orElseThrow().collections().get(0).find("x-dimension")).isPresent();
        assertThat(answer.find(IppTag.PRINTER_ATTRIBUTES, "printer-resolution-default").orElseThrow().values().get(0))
                .isInstanceOf(IppResolution.class);
        // every value survives our encoder unchanged
        assertThat(IppCodec.encode(answer)).isEqualTo(captured);
    }

    @Test
    void aOneSetOfMixingSyntaxesKeepsEachValuesTag() throws Exception {
        // found by IppCodecFuzzTest: additional values were labelled with the first value's tag
        byte[] bytes = message(out -> {
            attribute(out, IppTag.KEYWORD, "job-sheets-supported", "none".getBytes(StandardCharsets.US_ASCII));
            attribute(out, IppTag.NAME, "", "Kiosk banner".getBytes(StandardCharsets.US_ASCII));
            attribute(out, IppTag.OCTET_STRING, "", new byte[] {1, 2});
        });
        IppAttribute decoded = IppCodec.decode(bytes).find(IppTag.PRINTER_ATTRIBUTES, "job-sheets-supported").orElseThrow();
        assertThat(decoded.valueTags()).containsExactly(IppTag.KEYWORD, IppTag.NAME, IppTag.OCTET_STRING);
        assertThat(decoded.strings()).containsExactly("none", "Kiosk banner");
        assertThat(IppCodec.encode(IppCodec.decode(bytes))).isEqualTo(bytes);
    }

    @Test
    void everyTruncationOfARealAnswerIsAFormatErrorAtTheByteWhereItEnds() {
        byte[] captured = GoldenBytes.resource("/org/openkiosk/device/a4/ipp/ippeveprinter-get-printer-attributes-all.bin");
        for (int length = 0; length < captured.length; length++) {
            byte[] cut = Arrays.copyOf(captured, length);
            int end = length;
            assertThatThrownBy(() -> IppCodec.decode(cut)).as("cut at %d", length)
                    .isInstanceOf(IppFormatException.class)
                    .hasMessageContaining("message ends at " + end);
        }
    }

    @Test
    void aValueOfTheWrongLengthNamesTheByteTheAttributeAndWhatWasExpected() throws Exception {
        byte[] bytes = message(out -> attribute(out, IppTag.INTEGER, "job-id", new byte[] {0, 7}));
        assertThatThrownBy(() -> IppCodec.decode(bytes)).isInstanceOf(IppFormatException.class)
                .hasMessage("IPP message, byte 18: 0x21 (integer) value of job-id: expected value-length 4, found 2")
                .satisfies(e -> assertThat(((IppFormatException) e).offset()).isEqualTo(18));
    }

    @Test
    void malformedValuesAreRefusedWithWhatWasFound() throws Exception {
        assertFormatError(out -> attribute(out, IppTag.BOOLEAN, "printer-is-accepting-jobs", new byte[] {2}),
                "boolean printer-is-accepting-jobs: expected 0x00 or 0x01, found 0x02");
        assertFormatError(out -> attribute(out, IppTag.ENUM, "printer-state", new byte[] {0, 0, 0, 0, 3}),
                "expected value-length 4, found 5");
        assertFormatError(out -> attribute(out, IppTag.RANGE_OF_INTEGER, "copies-supported", new byte[] {0, 0, 0, 9, 0, 0, 0, 1}),
                "lower bound 9 above upper bound 1");
        assertFormatError(out -> attribute(out, IppTag.RESOLUTION, "printer-resolution-default", new byte[] {0, 0, 1, 44, 0, 0, 1, 44, 9}),
                "expected units 3 (dpi) or 4 (dpcm), found 9");
        assertFormatError(out -> attribute(out, IppTag.KEYWORD, "printer-state-reasons", new byte[] {(byte) 0xC3, 0x28}),
                "expected UTF-8 text, found malformed bytes");
        assertFormatError(out -> attribute(out, IppTag.NO_VALUE, "printer-info", new byte[] {1}),
                "expected value-length 0, found 1");
        assertFormatError(out -> attribute(out, IppTag.TEXT_WITH_LANGUAGE, "printer-info", new byte[] {0, 2, 'e', 'n', 0, 9, 'x'}),
                "expected text length 1 (the rest of the value), found 9");
        assertFormatError(out -> attribute(out, IppTag.EXTENSION, "x", new byte[] {0, 0, 0, 0x50}),
                "extension tag 0x7f is not supported");
        assertFormatError(out -> {
            out.writeByte(IppTag.INTEGER);
            out.writeShort(0xFFFF);
        }, "name-length: expected 0–32767 (SIGNED-SHORT), found -1");
        assertFormatError(out -> attribute(out, IppTag.KEYWORD, "", "orphan".getBytes(StandardCharsets.US_ASCII)),
                "found an additional value (name-length 0) with no attribute before it");
        assertFormatError(out -> attribute(out, IppTag.END_COLLECTION, "x", new byte[0]), "outside a collection");
    }

    @Test
    void structureErrorsAreRefused() throws Exception {
        assertFormatError(out -> {
            attribute(out, IppTag.BEGIN_COLLECTION, "media-col", new byte[0]);
            attribute(out, IppTag.MEMBER_ATTR_NAME, "", "media-type".getBytes(StandardCharsets.US_ASCII));
            attribute(out, IppTag.KEYWORD, "", "stationery".getBytes(StandardCharsets.US_ASCII));
        }, "collection media-col not closed: expected endCollection (0x37), found 0x03 (end-of-attributes-tag)");
        assertFormatError(out -> {
            attribute(out, IppTag.BEGIN_COLLECTION, "media-col", new byte[0]);
            attribute(out, IppTag.KEYWORD, "", "stationery".getBytes(StandardCharsets.US_ASCII));
        }, "expected memberAttrName (0x4a), found 0x44 (keyword)");
        byte[] noGroup = {1, 1, 0, 0, 0, 0, 0, 1, 0x21, 0, 1, 'x', 0, 4, 0, 0, 0, 1, 3};
        assertThatThrownBy(() -> IppCodec.decode(noGroup)).hasMessage(
                "IPP message, byte 8: expected a group tag before the first attribute, found value tag 0x21 (integer)");
        byte[] reserved = {1, 1, 0, 0, 0, 0, 0, 1, 0x00, 3};
        assertThatThrownBy(() -> IppCodec.decode(reserved)).hasMessageContaining("reserved delimiter 0x00");
        byte[] trailing = {1, 1, 0, 0, 0, 0, 0, 1, 1, 3, 'x', 'y'};
        assertThatThrownBy(() -> IppCodec.decode(trailing)).hasMessage(
                "IPP message, byte 10: expected the end of the response after end-of-attributes-tag, found 2 more bytes");
    }

    @Test
    void limitsBoundSizeValueCountAndNesting() throws Exception {
        IppLimits small = new IppLimits(200, 5, 3, 2);
        byte[] tooManyValues = message(out -> {
            attribute(out, IppTag.KEYWORD, "printer-state-reasons", "a".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3; i++) {
                attribute(out, IppTag.KEYWORD, "", "b".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertThatThrownBy(() -> IppCodec.decode(tooManyValues, small)).hasMessageContaining("printer-state-reasons has more than 3 values");
        byte[] deep = message(out -> {
            attribute(out, IppTag.BEGIN_COLLECTION, "c", new byte[0]);
            for (int i = 0; i < 3; i++) {
                attribute(out, IppTag.MEMBER_ATTR_NAME, "", "m".getBytes(StandardCharsets.US_ASCII));
                attribute(out, IppTag.BEGIN_COLLECTION, "", new byte[0]);
            }
        });
        assertThatThrownBy(() -> IppCodec.decode(deep, small)).hasMessageContaining("nested deeper than 2");
        byte[] big = message(out -> attribute(out, IppTag.TEXT, "printer-info", new byte[300]));
        assertThatThrownBy(() -> IppCodec.decode(big, small)).hasMessageContaining("more than the limit of 200");
        // a request's document data does not count; its attribute part does
        byte[] bigHead = message(out -> attribute(out, IppTag.TEXT, "job-name", new byte[300]));
        assertThatThrownBy(() -> IppCodec.decodeRequest(bigHead, small)).hasMessageContaining("passes the limit of 200 bytes");
        byte[] smallHeadBigDocument = Arrays.copyOf(message(out -> { }), 10_000);
        assertThat(IppCodec.decodeRequest(smallHeadBigDocument, small).document()).hasSize(10_000 - 10);
    }

    private interface Body {
        void write(DataOutputStream out) throws Exception;
    }

    /** A successful-ok response with one printer-attributes group holding what {@code body} writes. */
    private static byte[] message(Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0x0101);
        out.writeShort(0x0000);
        out.writeInt(1);
        out.writeByte(IppTag.PRINTER_ATTRIBUTES);
        body.write(out);
        out.writeByte(IppTag.END_OF_ATTRIBUTES);
        return bytes.toByteArray();
    }

    private static void assertFormatError(Body body, String expected) throws Exception {
        byte[] bytes = message(body);
        assertThatThrownBy(() -> IppCodec.decode(bytes)).isInstanceOf(IppFormatException.class)
                .hasMessageContaining(expected).hasMessageStartingWith("IPP message, byte ");
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
