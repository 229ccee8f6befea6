package org.openkiosk.device.a4.ipp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the IPP binary message format (RFC 8010 §3). Decoding is strict: every value length is
 * checked against its syntax, collections must be closed, strings must be UTF-8, and {@link IppLimits} bound the
 * message; any violation is an {@link IppFormatException} naming the byte offset, what was expected and what
 * was found.
 */
public final class IppCodec {

    /** RFC 8010 declares name-length and value-length SIGNED-SHORT: 32767 octets at most. */
    static final int MAX_FIELD_LENGTH = Short.MAX_VALUE;

    private IppCodec() {}

    /** The attribute part of a message, without document data. */
    public static byte[] encode(IppMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(message.version());
            out.writeShort(message.code());
            out.writeInt(message.requestId());
            for (IppMessage.Group group : message.groups()) {
                out.writeByte(group.tag());
                for (IppAttribute attribute : group.attributes()) {
                    writeAttribute(out, attribute.name(), attribute);
                }
            }
            out.writeByte(IppTag.END_OF_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return bytes.toByteArray();
    }

    private static void writeAttribute(DataOutputStream out, String name, IppAttribute attribute) throws IOException {
        if (attribute.values().isEmpty()) {
            throw new IllegalArgumentException("IPP attribute " + attribute.name() + " has no value");
        }
        boolean first = true;
        for (int i = 0; i < attribute.values().size(); i++) {
            Object value = attribute.values().get(i);
            int tag = attribute.valueTags().get(i);
            out.writeByte(tag);
            writeField(out, first ? name.getBytes(StandardCharsets.UTF_8) : new byte[0], attribute.name() + " (name)");
            if (value instanceof IppCollection collection) {
                out.writeShort(0);
                for (IppAttribute member : collection.members()) {
                    out.writeByte(IppTag.MEMBER_ATTR_NAME);
                    out.writeShort(0);
                    writeField(out, member.name().getBytes(StandardCharsets.UTF_8), member.name());
                    writeAttribute(out, "", member);
                }
                out.writeByte(IppTag.END_COLLECTION);
                out.writeShort(0);
                out.writeShort(0);
            } else {
                writeField(out, encodeValue(attribute.name(), tag, value), attribute.name());
            }
            first = false;
        }
    }

    private static void writeField(DataOutputStream out, byte[] field, String what) throws IOException {
        if (field.length > MAX_FIELD_LENGTH) {
            throw new IllegalArgumentException("IPP " + what + " is " + field.length + " bytes; at most "
                    + MAX_FIELD_LENGTH + " fit a SIGNED-SHORT length");
        }
        out.writeShort(field.length);
        out.write(field);
    }

    private static byte[] encodeValue(String name, int tag, Object value) {
        if (IppTag.isOutOfBand(tag)) {
            return new byte[0];
        }
        if (IppTag.isIntegerValued(tag) && value instanceof Integer i) {
            return ByteBuffer.allocate(4).putInt(i).array();
        }
        if (tag == IppTag.BOOLEAN && value instanceof Boolean b) {
            return new byte[] {(byte) (b ? 1 : 0)};
        }
        if (IppTag.isStringValued(tag) && value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof IppRange r) {
            return ByteBuffer.allocate(8).putInt(r.lower()).putInt(r.upper()).array();
        }
        if (value instanceof IppResolution r) {
            return ByteBuffer.allocate(9).putInt(r.crossFeed()).putInt(r.feed()).put((byte) r.units()).array();
        }
        if (value instanceof IppLocalizedText t) {
            byte[] language = t.language().getBytes(StandardCharsets.UTF_8);
            byte[] text = t.text().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + language.length + text.length)
                    .putShort((short) language.length).put(language)
                    .putShort((short) text.length).put(text).array();
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        throw new IllegalArgumentException("cannot encode value " + value + " of " + name
                + " with tag " + IppTag.describe(tag));
    }

    /** Decodes a response within {@link IppLimits#DEFAULT}; bytes after the end-of-attributes tag are refused. */
    public static IppMessage decode(byte[] data) throws IppFormatException {
        return decode(data, IppLimits.DEFAULT);
    }

    /** Decodes a response within {@code limits}; bytes after the end-of-attributes tag are refused. */
    public static IppMessage decode(byte[] data, IppLimits limits) throws IppFormatException {
        if (data.length > limits.maxMessageBytes()) {
            throw new IppFormatException("the message is " + data.length + " bytes, more than the limit of "
                    + limits.maxMessageBytes());
        }
        Reader reader = new Reader(data, limits);
        IppMessage message = reader.message();
        if (reader.pos != data.length) {
            throw new IppFormatException(reader.pos, "expected the end of the response after end-of-attributes-tag, found "
                    + (data.length - reader.pos) + " more bytes");
        }
        return message;
    }

    /** A request as a printer receives it: the attributes and the document data that follows them. */
    public record Request(IppMessage message, byte[] document) {}

    /** Decodes a request and keeps the document data after the end-of-attributes tag (e.g. a Print-Job's PDF). */
    public static Request decodeRequest(byte[] data) throws IppFormatException {
        return decodeRequest(data, IppLimits.DEFAULT);
    }

    public static Request decodeRequest(byte[] data, IppLimits limits) throws IppFormatException {
        Reader reader = new Reader(data, limits);
        IppMessage message = reader.message();
        byte[] document = new byte[data.length - reader.pos];
        System.arraycopy(data, reader.pos, document, 0, document.length);
        return new Request(message, document);
    }

    /** Reads one message from a byte array, keeping the offset for error messages. */
    private static final class Reader {
        private final byte[] data;
        private final IppLimits limits;
        /** Only the attribute part is bounded by maxMessageBytes; document data may follow in a request. */
        private final int end;
        private int pos;
        private int values;

        Reader(byte[] data, IppLimits limits) {
            this.data = data;
            this.limits = limits;
            this.end = data.length;
        }

        IppMessage message() throws IppFormatException {
            int version = u16("version-number");
            int code = u16("operation-id or status-code");
            int requestId = s32("request-id");
            List<IppMessage.Group> groups = new ArrayList<>();
            int tag = u8("a group tag (0x01 operation-attributes-tag …)");
            while (tag != IppTag.END_OF_ATTRIBUTES) {
                if (!IppTag.isDelimiter(tag)) {
                    throw new IppFormatException(pos - 1, "expected a group tag before the first attribute, found value tag "
                            + IppTag.describe(tag));
                }
                if (tag == 0x00) {
                    throw new IppFormatException(pos - 1, "expected a group tag, found the reserved delimiter 0x00");
                }
                int groupTag = tag;
                List<IppAttribute> attributes = new ArrayList<>();
                tag = attributes(attributes);
                groups.add(new IppMessage.Group(groupTag, attributes));
            }
            return new IppMessage(version, code, requestId, groups);
        }

        /** Reads a group's attributes; returns the delimiter tag that ends the group. */
        private int attributes(List<IppAttribute> into) throws IppFormatException {
            String name = null;
            List<Object> current = null;
            List<Integer> currentTags = null;
            while (true) {
                int tagAt = pos;
                int next = u8("a value tag or a delimiter tag");
                if (IppTag.isDelimiter(next)) {
                    if (name != null) {
                        into.add(new IppAttribute(name, currentTags.get(0), current, currentTags));
                    }
                    return next;
                }
                String attributeName = string(s16Length("name-length"), "attribute name");
                if (next == IppTag.END_COLLECTION || next == IppTag.MEMBER_ATTR_NAME) {
                    throw new IppFormatException(tagAt, "expected an attribute value, found " + IppTag.describe(next)
                            + " outside a collection");
                }
                if (!attributeName.isEmpty()) {
                    if (name != null) {
                        into.add(new IppAttribute(name, currentTags.get(0), current, currentTags));
                    }
                    name = attributeName;
                    current = new ArrayList<>();
                    currentTags = new ArrayList<>();
                } else if (name == null) {
                    throw new IppFormatException(tagAt, "expected an attribute name, found an additional value (name-length 0)"
                            + " with no attribute before it in the group");
                }
                current.add(value(next, name, 0));
                currentTags.add(next);
                count(current, name, tagAt);
            }
        }

        private void count(List<Object> valuesOfAttribute, String name, int at) throws IppFormatException {
            if (++values > limits.maxValues()) {
                throw new IppFormatException(at, "more than " + limits.maxValues() + " attribute values in one message");
            }
            if (valuesOfAttribute.size() > limits.maxValuesPerAttribute()) {
                throw new IppFormatException(at, "attribute " + name + " has more than "
                        + limits.maxValuesPerAttribute() + " values");
            }
        }

        /** Reads value-length and value for {@code tag}; a begCollection reads the whole collection. */
        private Object value(int tag, String name, int depth) throws IppFormatException {
            int lengthAt = pos;
            int length = s16Length("value-length");
            int valueAt = pos;
            byte[] value = bytes(length, "value of " + name);
            if (tag == IppTag.BEGIN_COLLECTION) {
                if (length != 0) {
                    throw new IppFormatException(lengthAt, "begCollection of " + name + ": expected value-length 0, found " + length);
                }
                return collection(name, depth + 1);
            }
            return decodeValue(tag, name, value, valueAt);
        }

        private IppCollection collection(String name, int depth) throws IppFormatException {
            if (depth > limits.maxCollectionDepth()) {
                throw new IppFormatException(pos, "collection " + name + " nested deeper than " + limits.maxCollectionDepth());
            }
            List<IppAttribute> members = new ArrayList<>();
            String member = null;
            List<Object> memberValues = null;
            List<Integer> memberTags = null;
            while (true) {
                int tagAt = pos;
                int tag = u8("a member of collection " + name + " or endCollection (0x37)");
                if (IppTag.isDelimiter(tag)) {
                    throw new IppFormatException(tagAt, "collection " + name + " not closed: expected endCollection (0x37), found "
                            + IppTag.describe(tag));
                }
                int nameLength = s16Length("name-length");
                if (nameLength != 0) {
                    throw new IppFormatException(tagAt + 1, "inside collection " + name + ": expected name-length 0, found " + nameLength);
                }
                if (tag == IppTag.END_COLLECTION) {
                    int length = s16Length("value-length");
                    if (length != 0) {
                        throw new IppFormatException(tagAt + 3, "endCollection of " + name + ": expected value-length 0, found " + length);
                    }
                    if (member != null) {
                        members.add(new IppAttribute(member, memberTags.get(0), memberValues, memberTags));
                    }
                    return new IppCollection(members);
                }
                if (tag == IppTag.MEMBER_ATTR_NAME) {
                    String memberName = string(s16Length("value-length"), "member name");
                    if (memberName.isEmpty()) {
                        throw new IppFormatException(tagAt, "inside collection " + name + ": expected a member name, found an empty memberAttrName");
                    }
                    if (member != null) {
                        members.add(new IppAttribute(member, memberTags.get(0), memberValues, memberTags));
                    }
                    int valueTagAt = pos;
                    int valueTag = u8("the value of member " + memberName);
                    if (IppTag.isDelimiter(valueTag) || valueTag == IppTag.END_COLLECTION || valueTag == IppTag.MEMBER_ATTR_NAME) {
                        throw new IppFormatException(valueTagAt, "member " + memberName + " of " + name
                                + ": expected its value, found " + IppTag.describe(valueTag));
                    }
                    int valueNameLength = s16Length("name-length");
                    if (valueNameLength != 0) {
                        throw new IppFormatException(valueTagAt + 1, "member " + memberName + ": expected name-length 0, found " + valueNameLength);
                    }
                    member = memberName;
                    memberValues = new ArrayList<>();
                    memberTags = new ArrayList<>();
                    memberValues.add(value(valueTag, name + "." + memberName, depth));
                    memberTags.add(valueTag);
                    count(memberValues, memberName, valueTagAt);
                } else if (member == null) {
                    throw new IppFormatException(tagAt, "inside collection " + name + ": expected memberAttrName (0x4a), found "
                            + IppTag.describe(tag));
                } else {
                    memberValues.add(value(tag, name + "." + member, depth));
                    memberTags.add(tag);
                    count(memberValues, member, tagAt);
                }
            }
        }

        private Object decodeValue(int tag, String name, byte[] value, int at) throws IppFormatException {
            if (IppTag.isOutOfBand(tag)) {
                requireLength(tag, name, value, 0, at);
                return value;
            }
            switch (tag) {
                case IppTag.INTEGER, IppTag.ENUM -> {
                    requireLength(tag, name, value, 4, at);
                    return ByteBuffer.wrap(value).getInt();
                }
                case IppTag.BOOLEAN -> {
                    requireLength(tag, name, value, 1, at);
                    if (value[0] != 0 && value[0] != 1) {
                        throw new IppFormatException(at, "boolean " + name + ": expected 0x00 or 0x01, found "
                                + String.format("0x%02x", value[0] & 0xFF));
                    }
                    return value[0] == 1;
                }
                case IppTag.DATE_TIME -> {
                    requireLength(tag, name, value, 11, at);
                    return value;
                }
                case IppTag.RESOLUTION -> {
                    requireLength(tag, name, value, 9, at);
                    ByteBuffer b = ByteBuffer.wrap(value);
                    IppResolution resolution = new IppResolution(b.getInt(), b.getInt(), b.get());
                    if (resolution.units() != IppResolution.DOTS_PER_INCH && resolution.units() != IppResolution.DOTS_PER_CM) {
                        throw new IppFormatException(at + 8, "resolution " + name + ": expected units 3 (dpi) or 4 (dpcm), found "
                                + resolution.units());
                    }
                    return resolution;
                }
                case IppTag.RANGE_OF_INTEGER -> {
                    requireLength(tag, name, value, 8, at);
                    ByteBuffer b = ByteBuffer.wrap(value);
                    IppRange range = new IppRange(b.getInt(), b.getInt());
                    if (range.lower() > range.upper()) {
                        throw new IppFormatException(at, "rangeOfInteger " + name + ": lower bound " + range.lower()
                                + " above upper bound " + range.upper());
                    }
                    return range;
                }
                case IppTag.TEXT_WITH_LANGUAGE, IppTag.NAME_WITH_LANGUAGE -> {
                    return localized(tag, name, value, at);
                }
                case IppTag.EXTENSION -> throw new IppFormatException(at,
                        "attribute " + name + ": extension tag 0x7f is not supported");
                default -> {
                    if (IppTag.isStringValued(tag)) {
                        return utf8(value, at, name);
                    }
                    return value;
                }
            }
        }

        private IppLocalizedText localized(int tag, String name, byte[] value, int at) throws IppFormatException {
            if (value.length < 4) {
                throw new IppFormatException(at, IppTag.describe(tag) + " " + name + ": expected at least 4 bytes, found " + value.length);
            }
            ByteBuffer b = ByteBuffer.wrap(value);
            int languageLength = b.getShort();
            if (languageLength < 0 || languageLength > value.length - 4) {
                throw new IppFormatException(at, IppTag.describe(tag) + " " + name + ": language length " + languageLength
                        + " does not fit the value of " + value.length + " bytes");
            }
            byte[] language = new byte[languageLength];
            b.get(language);
            int textLength = b.getShort();
            if (textLength != b.remaining()) {
                throw new IppFormatException(at + 2 + languageLength, IppTag.describe(tag) + " " + name
                        + ": expected text length " + b.remaining() + " (the rest of the value), found " + textLength);
            }
            byte[] text = new byte[textLength];
            b.get(text);
            return new IppLocalizedText(utf8(language, at + 2, name), utf8(text, at + 4 + languageLength, name));
        }

        private static void requireLength(int tag, String name, byte[] value, int expected, int at) throws IppFormatException {
            if (value.length != expected) {
                throw new IppFormatException(at - 2, IppTag.describe(tag) + " value of " + name + ": expected value-length "
                        + expected + ", found " + value.length);
            }
        }

        private static String utf8(byte[] bytes, int at, String what) throws IppFormatException {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IppFormatException(at, what + ": expected UTF-8 text, found malformed bytes");
            }
        }

        private String string(int length, String what) throws IppFormatException {
            int at = pos;
            return utf8(bytes(length, what), at, what);
        }

        private int s16Length(String what) throws IppFormatException {
            int at = pos;
            int length = (short) u16(what);
            if (length < 0) {
                throw new IppFormatException(at, what + ": expected 0–32767 (SIGNED-SHORT), found " + length);
            }
            return length;
        }

        private byte[] bytes(int length, String what) throws IppFormatException {
            need(length, what);
            byte[] out = new byte[length];
            System.arraycopy(data, pos, out, 0, length);
            pos += length;
            return out;
        }

        private int u8(String what) throws IppFormatException {
            need(1, what);
            return data[pos++] & 0xFF;
        }

        private int u16(String what) throws IppFormatException {
            need(2, what);
            int value = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            pos += 2;
            return value;
        }

        private int s32(String what) throws IppFormatException {
            need(4, what);
            int value = ByteBuffer.wrap(data, pos, 4).getInt();
            pos += 4;
            return value;
        }

        private void need(int n, String what) throws IppFormatException {
            if (pos + n > limits.maxMessageBytes()) {
                throw new IppFormatException(pos, "the attribute part passes the limit of " + limits.maxMessageBytes()
                        + " bytes while reading " + what);
            }
            if (n > end - pos) {
                throw new IppFormatException(pos, "message truncated: expected " + n + " byte" + (n == 1 ? "" : "s")
                        + " of " + what + ", found " + (end - pos) + " (message ends at " + end + ")");
            }
        }
    }
}
