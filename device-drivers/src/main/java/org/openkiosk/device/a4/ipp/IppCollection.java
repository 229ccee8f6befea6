package org.openkiosk.device.a4.ipp;

import java.util.List;
import java.util.Optional;

/** The value of a {@code collection} attribute (RFC 8010 §3.1.6): its member attributes in wire order. */
public record IppCollection(List<IppAttribute> members) {

    public IppCollection {
        members = List.copyOf(members);
    }

    public static IppCollection of(IppAttribute... members) {
        return new IppCollection(List.of(members));
    }

    public Optional<IppAttribute> find(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
