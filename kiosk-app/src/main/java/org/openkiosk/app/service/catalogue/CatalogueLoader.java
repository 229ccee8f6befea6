package org.openkiosk.app.service.catalogue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code services.yaml} strictly: unknown keys, wrong types and out-of-range values are errors that
 * name the offending path, so a typo never silently becomes a default.
 */
public final class CatalogueLoader {

    /** The file name inside the configuration directory. */
    public static final String FILE_NAME = "services.yaml";
    /** The catalogue shipped with the program, used when the configuration directory has none. */
    public static final String DEFAULT_RESOURCE = "/org/openkiosk/app/service/catalogue/services-default.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** {@code configDir/services.yaml} when present, otherwise the shipped default. */
    public ServiceCatalogue loadFromConfigDir(Path configDir) throws CatalogueException {
        Path file = configDir.resolve(FILE_NAME);
        return Files.exists(file) ? load(file) : loadDefault();
    }

    public ServiceCatalogue load(Path file) throws CatalogueException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CatalogueException(file.toString(), List.of("file not found"), e);
        } catch (IOException e) {
            throw new CatalogueException(file.toString(), List.of("cannot read: " + e.getMessage()), e);
        }
    }

    public ServiceCatalogue loadDefault() throws CatalogueException {
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException(DEFAULT_RESOURCE, List.of("missing from the program"), null);
            }
            return parse(in, "built-in " + FILE_NAME);
        } catch (IOException e) {
            throw new CatalogueException(DEFAULT_RESOURCE, List.of(e.getMessage()), e);
        }
    }

    ServiceCatalogue parse(InputStream in, String source) throws CatalogueException {
        ServiceCatalogue catalogue;
        try {
            catalogue = yaml.readValue(in, ServiceCatalogue.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CatalogueException(source, List.of("unknown key '" + e.getPropertyName() + "' at "
                    + path(e) + " (known: " + e.getKnownPropertyIds() + ")"), e);
        } catch (JacksonException e) {
            throw new CatalogueException(source, List.of("at " + path(e) + ": " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new CatalogueException(source, List.of("cannot read: " + e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(source, List.of(e.getMessage()), e);
        }
        if (catalogue == null) {
            throw new CatalogueException(source, List.of("the file is empty"), null);
        }
        List<String> problems = validate(catalogue);
        if (!problems.isEmpty()) {
            throw new CatalogueException(source, problems, null);
        }
        return catalogue;
    }

    private static String path(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return sb.substring(sb.charAt(0) == '.' ? 1 : 0);
        }
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr();
    }

    static List<String> validate(ServiceCatalogue c) {
        List<String> problems = new ArrayList<>();
        if (c.zone() == null) {
            problems.add("zone is required (e.g. Asia/Shanghai)");
        }
        if (c.checkIn() == null) {
            problems.add("checkIn is required (earlyMinutes, lateMinutes)");
        } else if (c.checkIn().earlyMinutes() < 0 || c.checkIn().lateMinutes() < 0) {
            problems.add("checkIn minutes must not be negative");
        }
        Set<String> codes = new HashSet<>();
        java.util.Map<String, String> prefixOwner = new java.util.HashMap<>();
        for (int i = 0; i < c.services().size(); i++) {
            ServiceDefinition s = c.services().get(i);
            String at = "services[" + i + "]";
            if (blank(s.code()) || !s.code().matches("[a-z0-9-]{1,32}")) {
                problems.add(at + ".code must be 1-32 of a-z 0-9 -");
            } else if (!codes.add(s.code())) {
                problems.add(at + ".code '" + s.code() + "' appears twice");
            }
            if (blank(s.titleZh()) || blank(s.titleEn())) {
                problems.add(at + " needs titleZh and titleEn");
            }
            if (blank(s.counterType())) {
                problems.add(at + ".counterType is required");
            }
            if (blank(s.ticketPrefix()) || !s.ticketPrefix().matches("[A-Z]{1,2}")) {
                problems.add(at + ".ticketPrefix must be one or two capital letters");
            } else {
                // one queue per counter type: its tickets share a prefix, and no two queues share one
                String owner = prefixOwner.putIfAbsent(s.ticketPrefix(), String.valueOf(s.counterType()));
                if (owner != null && !owner.equals(s.counterType())) {
                    problems.add(at + ".ticketPrefix '" + s.ticketPrefix() + "' is already used by counter type "
                            + owner);
                }
            }
            if (s.averageServiceMinutes() < 1) {
                problems.add(at + ".averageServiceMinutes must be at least 1");
            }
            if (s.appointment() != null) {
                validateRules(s.appointment(), at + ".appointment", problems);
            }
        }
        validatePlatform(c.platform(), problems);
        Set<String> types = new HashSet<>();
        for (int i = 0; i < c.certificates().size(); i++) {
            CertificateRule r = c.certificates().get(i);
            String at = "certificates[" + i + "]";
            if (blank(r.type())) {
                problems.add(at + ".type is required");
            } else if (!types.add(r.type())) {
                problems.add(at + ".type '" + r.type() + "' appears twice");
            }
            if (blank(r.numberPrefix()) || !r.numberPrefix().matches("[A-Z]{2,6}")) {
                problems.add(at + ".numberPrefix must be 2-6 capital letters");
            }
            if (r.reprintLimit() < 0) {
                problems.add(at + ".reprintLimit must not be negative");
            }
        }
        AssuranceRules.validate(c.assurance(), c.certificates(), problems);
        if (c.retention().bookingDaysAfterAppointment() < 1 || c.retention().bookingDaysAfterAppointment() > 3650) {
            problems.add("retention.bookingDaysAfterAppointment must be 1-3650 days");
        }
        return problems;
    }

    private static void validatePlatform(PlatformSettings p, List<String> problems) {
        if (PlatformSettings.EMBEDDED.equals(p.type())) {
            return;
        }
        if (!PlatformSettings.HTTP.equals(p.type())) {
            problems.add("platform.type must be 'embedded' or 'http', not '" + p.type() + "'");
            return;
        }
        if (blank(p.baseUrl()) || !(p.baseUrl().startsWith("https://") || p.baseUrl().startsWith("http://"))) {
            problems.add("platform.baseUrl must be an http(s) URL for an http platform");
        }
        if (p.connectTimeout() < 100 || p.connectTimeout() > 60_000 || p.requestTimeout() < 100
                || p.requestTimeout() > 120_000) {
            problems.add("platform timeouts must be 100-60000 ms (connect) and 100-120000 ms (request)");
        }
    }

    private static void validateRules(AppointmentRules r, String at, List<String> problems) {
        if (r.slotMinutes() < 5 || r.slotMinutes() > 240) {
            problems.add(at + ".slotMinutes must be 5-240");
        }
        if (r.capacityPerSlot() < 1) {
            problems.add(at + ".capacityPerSlot must be at least 1");
        }
        if (r.leadTimeMinutes() < 0 || r.cutOffMinutes() < 0) {
            problems.add(at + ": leadTimeMinutes and cutOffMinutes must not be negative");
        }
        if (r.horizonDays() < 1 || r.horizonDays() > 90) {
            problems.add(at + ".horizonDays must be 1-90");
        }
        if (r.workingPlan() == null) {
            problems.add(at + ".workingPlan is required");
            return;
        }
        if (r.workingPlan().days().isEmpty()) {
            problems.add(at + ".workingPlan.days must list at least one day");
        }
        if (r.workingPlan().periods().isEmpty()) {
            problems.add(at + ".workingPlan.periods must list at least one period");
        }
        for (String p : r.workingPlan().periods()) {
            try {
                TimeRange range = TimeRange.parse(p);
                if (range.start().plusMinutes(r.slotMinutes()).isAfter(range.end())) {
                    problems.add(at + ".workingPlan period " + p + " is shorter than one slot");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ".workingPlan: " + e.getMessage());
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
