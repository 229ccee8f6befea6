package org.openkiosk.device.a4.ipp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IPP request or response: version, operation id (request) or status code (response), request id and the
 * attribute groups in wire order. A request may carry document data after the attributes.
 */
public record IppMessage(int version, int code, int requestId, List<Group> groups) {

    /** One attribute group, e.g. operation attributes or job attributes. */
    public record Group(int tag, List<IppAttribute> attributes) {
        public Group {
            attributes = List.copyOf(attributes);
        }

        public Optional<IppAttribute> find(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    public IppMessage {
        groups = List.copyOf(groups);
    }

    /** The first attribute of that name in a group with that tag. */
    public Optional<IppAttribute> find(int groupTag, String name) {
        for (Group group : groups) {
            if (group.tag() == groupTag) {
                Optional<IppAttribute> found = group.find(name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Status codes 0x0000–0x00FF are the successful ones. */
    public boolean isSuccessful() {
        return IppStatus.isSuccessful(code);
    }

    /** Of a response: the status keyword, e.g. {@code client-error-not-found}. */
    public String statusKeyword() {
        return IppStatus.describe(code);
    }

    /** Builder for requests: the operation group starts with charset and natural language as RFC 8011 requires. */
    public static final class Builder {
        private final int operation;
        private final int requestId;
        private final List<IppAttribute> operationAttributes = new ArrayList<>();
        private final List<Group> otherGroups = new ArrayList<>();
        private int version = 0x0101;

        public Builder(IppOperation operation, int requestId) {
            this(operation.code(), requestId);
        }

        /** A response: the status code in place of the operation id. */
        public Builder(IppStatus status, int requestId) {
            this(status.code(), requestId);
        }

        public Builder(int operation, int requestId) {
            this.operation = operation;
            this.requestId = requestId;
            operationAttributes.add(IppAttribute.of("attributes-charset", IppTag.CHARSET, "utf-8"));
            operationAttributes.add(IppAttribute.of("attributes-natural-language", IppTag.NATURAL_LANGUAGE, "en"));
        }

        public Builder operation(String name, int tag, Object... values) {
            operationAttributes.add(IppAttribute.of(name, tag, values));
            return this;
        }

        /** The version-number, 0x0101 (IPP/1.1) unless set; a printer answers in the version it was asked in. */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder group(int tag, List<IppAttribute> attributes) {
            otherGroups.add(new Group(tag, attributes));
            return this;
        }

        public IppMessage build() {
            List<Group> all = new ArrayList<>();
            all.add(new Group(IppTag.OPERATION_ATTRIBUTES, operationAttributes));
            all.addAll(otherGroups);
            return new IppMessage(version, operation, requestId, all);
        }
    }
}
