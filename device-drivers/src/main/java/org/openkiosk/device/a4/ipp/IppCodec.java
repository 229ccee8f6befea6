package org.openkiosk.device.a4.ipp;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes the IPP/1.1 binary message format (RFC 8010 §3). */
public final class IppCodec {

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
                    writeAttribute(out, attribute);
                }
            }
            out.writeByte(IppTag.END_OF_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        return bytes.toByteArray();
    }

    private static void writeAttribute(DataOutputStream out, IppAttribute attribute) throws IOException {
        if (attribute.values().isEmpty()) {
            throw new IllegalArgumentException("IPP attribute " + attribute.name() + " has no value");
        }
        boolean first = true;
        for (Object value : attribute.values()) {
            out.writeByte(attribute.tag());
            byte[] name = first ? attribute.name().getBytes(StandardCharsets.UTF_8) : new byte[0];
            out.writeShort(name.length);
            out.write(name);
            byte[] encoded = encodeValue(attribute, value);
            out.writeShort(encoded.length);
            out.write(encoded);
            first = false;
        }
    }

    private static byte[] encodeValue(IppAttribute attribute, Object value) {
        int tag = attribute.tag();
        if (IppTag.isIntegerValued(tag)) {
            return ByteBuffer.allocate(4).putInt((Integer) value).array();
        }
        if (tag == IppTag.BOOLEAN) {
            return new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
        }
        if (IppTag.isStringValued(tag)) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        throw new IllegalArgumentException("cannot encode value of " + attribute.name() + " with tag 0x"
                + Integer.toHexString(tag));
    }

    /** Decodes a response (document data after the attributes, if any, is ignored). */
    public static IppMessage decode(byte[] data) throws IppFormatException {
        return decode(ByteBuffer.wrap(data), data.length);
    }

    /** A request as a printer receives it: the attributes and the document data that follows them. */
    public record Request(IppMessage message, byte[] document) {}

    /** Decodes a request and keeps the document data after the end-of-attributes tag (e.g. a Print-Job's PDF). */
    public static Request decodeRequest(byte[] data) throws IppFormatException {
        ByteBuffer in = ByteBuffer.wrap(data);
        IppMessage message = decode(in, data.length);
        byte[] document = new byte[in.remaining()];
        in.get(document);
        return new Request(message, document);
    }

    private static IppMessage decode(ByteBuffer in, int dataLength) throws IppFormatException {
        try {
            int version = in.getShort() & 0xFFFF;
            int code = in.getShort() & 0xFFFF;
            int requestId = in.getInt();
            List<IppMessage.Group> groups = new ArrayList<>();
            int groupTag = -1;
            List<IppAttribute> attributes = new ArrayList<>();
            String name = null;
            int tag = 0;
            List<Object> values = new ArrayList<>();
            int collectionDepth = 0;
            while (true) {
                int next = in.get() & 0xFF;
                if (IppTag.isDelimiter(next) && collectionDepth == 0) {
                    if (name != null) {
                        attributes.add(new IppAttribute(name, tag, values));
                        name = null;
                    }
                    if (groupTag >= 0) {
                        groups.add(new IppMessage.Group(groupTag, attributes));
                    }
                    if (next == IppTag.END_OF_ATTRIBUTES) {
                        return new IppMessage(version, code, requestId, groups);
                    }
                    groupTag = next;
                    attributes = new ArrayList<>();
                    continue;
                }
                String attributeName = readString(in, in.getShort() & 0xFFFF);
                byte[] value = new byte[in.getShort() & 0xFFFF];
                in.get(value);
                if (collectionDepth > 0) {
                    // members of a collection: the kiosk never needs them, so they are skipped
                    if (next == IppTag.BEGIN_COLLECTION) {
                        collectionDepth++;
                    } else if (next == IppTag.END_COLLECTION) {
                        collectionDepth--;
                    }
                    continue;
                }
                if (groupTag < 0) {
                    throw new IppFormatException("IPP attribute before the first group tag at byte " + in.position());
                }
                Object decoded;
                if (next == IppTag.BEGIN_COLLECTION) {
                    collectionDepth = 1;
                    decoded = new byte[0];
                } else {
                    decoded = decodeValue(next, value);
                }
                if (!attributeName.isEmpty()) {
                    if (name != null) {
                        attributes.add(new IppAttribute(name, tag, values));
                    }
                    name = attributeName;
                    tag = next;
                    values = new ArrayList<>();
                } else if (name == null) {
                    throw new IppFormatException("IPP additional value without an attribute at byte " + in.position());
                }
                values.add(decoded);
            }
        } catch (BufferUnderflowException e) {
            throw new IppFormatException("IPP message truncated after " + dataLength + " bytes");
        }
    }

    private static Object decodeValue(int tag, byte[] value) throws IppFormatException {
        if (IppTag.isIntegerValued(tag)) {
            if (value.length != 4) {
                throw new IppFormatException("IPP integer value of length " + value.length);
            }
            return ByteBuffer.wrap(value).getInt();
        }
        if (tag == IppTag.BOOLEAN) {
            return value.length > 0 && value[0] != 0;
        }
        if (IppTag.isStringValued(tag)) {
            return new String(value, StandardCharsets.UTF_8);
        }
        return value;
    }

    private static String readString(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
