package org.openkiosk.device.a4.sim;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppMessage;
import org.openkiosk.device.a4.ipp.IppTag;

/**
 * The {@code requested-attributes} of a request (RFC 8011 §4.2.5.1, §4.2.6.1): attribute names and the group
 * names {@code all}, {@code job-template}, {@code job-description} and {@code printer-description}.
 */
final class RequestedAttributes {

    /** Job Template attributes (RFC 8011 §5.2) the simulator answers with, as job or printer attributes. */
    private static final Set<String> JOB_TEMPLATE = Set.of("copies", "copies-default", "copies-supported", "media",
            "media-default", "media-supported", "media-ready", "media-col", "media-col-default", "media-col-supported");

    private final List<String> names;

    private RequestedAttributes(List<String> names) {
        this.names = names;
    }

    /** As the request asks, or {@code defaults} when it names none. */
    static RequestedAttributes of(IppMessage request, List<String> defaults) {
        List<String> asked = request.find(IppTag.OPERATION_ATTRIBUTES, "requested-attributes")
                .map(IppAttribute::strings).orElse(List.of());
        return new RequestedAttributes(asked.isEmpty() ? defaults : asked);
    }

    /** Whether an attribute is asked for; {@code descriptionGroup} is job-description or printer-description. */
    boolean includes(String name, String descriptionGroup) {
        if (names.contains("all") || names.contains(name)) {
            return true;
        }
        boolean template = JOB_TEMPLATE.contains(name);
        return template ? names.contains("job-template") : names.contains(descriptionGroup);
    }

    List<IppAttribute> filter(List<IppAttribute> attributes, String descriptionGroup) {
        Predicate<IppAttribute> asked = a -> includes(a.name(), descriptionGroup);
        return attributes.stream().filter(asked).toList();
    }
}
