package org.openkiosk.app.service.catalogue;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openkiosk.app.config.HttpEndpointRules;
import org.openkiosk.app.config.Problems;
import org.openkiosk.app.config.Section;
import org.openkiosk.app.service.identity.ProtectedService;

/**
 * Binds the located {@code services.yaml} tree to a {@link ServiceCatalogue}, field by field, collecting every
 * problem with its line (the same mechanism as {@code kiosk.yaml}, ADR 0020). Returns {@code null} when there
 * was any problem.
 */
final class CatalogueBinder {

    private static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();

    private final Problems problems;
    private final Function<String, Optional<String>> certificateTypeProblem;
    private final InstallationFacts installation;


    /**
     * @param certificateTypeProblem for a certificate type of the catalogue, what is wrong with it elsewhere in the
     *                               configuration (e.g. no template), if anything
     */
    CatalogueBinder(Problems problems, Function<String, Optional<String>> certificateTypeProblem,
                    InstallationFacts installation) {
        this.problems = problems;
        this.certificateTypeProblem = certificateTypeProblem;
        this.installation = installation;
    }

    ServiceCatalogue bind(Section root) {
        ZoneId zone = zone(root);
        CheckInWindow checkIn = checkIn(root.section("checkIn", true));
        List<ServiceDefinition> services = services(root.mappings("services"));
        List<CertificateRule> certificates = certificates(root.mappings("certificates"));
        PlatformSettings platform = root.entry("platform").isPresent()
                ? platform(root.section("platform", false)) : PlatformSettings.embedded();
        AssuranceRules assurance = root.entry("assurance").isPresent()
                ? assurance(root.section("assurance", false)) : AssuranceRules.defaults();
        RetentionRules retention = root.entry("retention").isPresent()
                ? retention(root.section("retention", false)) : RetentionRules.defaults();
        root.rejectUnknownKeys();
        return problems.isEmpty()
                ? new ServiceCatalogue(zone, checkIn, services, certificates, platform, assurance, retention) : null;
    }

    /** The least proof of identity per service (ADR 0110); a key left out takes its safe default. */
    private AssuranceRules assurance(Section s) {
        Map<ProtectedService, String> stated = new java.util.EnumMap<>(ProtectedService.class);
        for (ProtectedService service : ProtectedService.values()) {
            String value = s.optionalText(service.configKey(), null);
            if (value != null) {
                AssuranceRules.problem(value.strip(), service.weakestAllowed(), installation.faceVerification())
                        .ifPresent(p -> s.problem(service.configKey(), p.message(), p.hint()));
                stated.put(service, value.strip());
            }
        }
        s.rejectUnknownKeys();
        return new AssuranceRules(stated.get(ProtectedService.GUIDES), stated.get(ProtectedService.WALK_IN_TICKET),
                stated.get(ProtectedService.CHECK_IN), stated.get(ProtectedService.PROGRESS),
                stated.get(ProtectedService.MY_APPOINTMENTS), stated.get(ProtectedService.MY_CERTIFICATES),
                stated.get(ProtectedService.BOOKING), stated.get(ProtectedService.CANCEL),
                stated.get(ProtectedService.CERTIFICATE_CHECK));
    }

    private static RetentionRules retention(Section s) {
        Integer days = s.integer("bookingDaysAfterAppointment", 30, 1, 3650);
        s.rejectUnknownKeys();
        return new RetentionRules(days);
    }

    private static ZoneId zone(Section root) {
        String text = root.requiredText("zone", "Asia/Shanghai");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            root.problem("zone", "unknown time zone \"" + text + "\"", "e.g. Asia/Shanghai (a tz database name)");
            return null;
        }
    }

    private static CheckInWindow checkIn(Section s) {
        Integer early = s.integer("earlyMinutes", null, 0, 24 * 60);
        Integer late = s.integer("lateMinutes", null, 0, 24 * 60);
        s.rejectUnknownKeys();
        return early == null || late == null ? null : new CheckInWindow(early, late);
    }

    private List<ServiceDefinition> services(List<Section> items) {
        List<ServiceDefinition> services = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, String> prefixOwner = new HashMap<>();
        for (Section s : items) {
            String code = s.requiredText("code", "exit-entry");
            if (code != null && !code.matches("[a-z0-9-]{1,32}")) {
                s.problem("code", "\"" + code + "\" is not a valid service code", "1-32 of a-z, 0-9 and -, e.g. exit-entry");
            } else if (code != null && !codes.add(code)) {
                s.problem("code", "service code \"" + code + "\" appears twice", "each service needs its own code");
            }
            String titleZh = nonBlank(s, "titleZh", "出入境证件办理");
            String titleEn = nonBlank(s, "titleEn", "Passports and travel permits");
            String counterType = nonBlank(s, "counterType", "exit-entry");
            String prefix = s.requiredText("ticketPrefix", "A");
            if (prefix != null && !prefix.matches("[A-Z]{1,2}")) {
                s.problem("ticketPrefix", "\"" + prefix + "\" is not a ticket prefix", "one or two capital letters, e.g. A");
            } else if (prefix != null && counterType != null) {
                // one queue per counter type: its tickets share a prefix, and no two queues share one
                String owner = prefixOwner.putIfAbsent(prefix, counterType);
                if (owner != null && !owner.equals(counterType)) {
                    s.problem("ticketPrefix", "ticket prefix \"" + prefix + "\" is already used by counter type "
                            + owner, "give each counter type its own prefix");
                }
            }
            Integer minutes = s.integer("averageServiceMinutes", null, 1, 480);
            AppointmentRules appointment = s.entry("appointment").isPresent()
                    ? appointment(s.section("appointment", false)) : null;
            s.rejectUnknownKeys();
            services.add(new ServiceDefinition(code, titleZh, titleEn, counterType, prefix,
                    minutes == null ? 0 : minutes, appointment));
        }
        return services;
    }

    private static String nonBlank(Section s, String key, String example) {
        String value = s.requiredText(key, example);
        if (value != null && value.isBlank()) {
            s.problem(key, "must not be empty", "e.g. " + key + ": " + example);
            return null;
        }
        return value;
    }

    private static AppointmentRules appointment(Section s) {
        Integer slot = s.integer("slotMinutes", null, 5, 240);
        Integer capacity = s.integer("capacityPerSlot", null, 1, 1000);
        Integer lead = s.integer("leadTimeMinutes", 0, 0, 60 * 24 * 90);
        Integer cutOff = s.integer("cutOffMinutes", 0, 0, 60 * 24 * 90);
        Integer horizon = s.integer("horizonDays", null, 1, 90);
        WorkingPlan plan = workingPlan(s.section("workingPlan", true), slot);
        s.rejectUnknownKeys();
        if (slot == null || capacity == null || lead == null || cutOff == null || horizon == null || plan == null) {
            return null;
        }
        return new AppointmentRules(slot, capacity, lead, cutOff, horizon, plan);
    }

    private static WorkingPlan workingPlan(Section s, Integer slotMinutes) {
        Set<DayOfWeek> days = new LinkedHashSet<>();
        List<Section.Item> dayItems = s.texts("days");
        if (s.entry("days").isEmpty() || dayItems.isEmpty()) {
            s.missing("days", "list at least one day, e.g. days: [MONDAY, TUESDAY]");
        }
        for (Section.Item day : dayItems) {
            String name = day.text().strip().toUpperCase(java.util.Locale.ROOT);
            if (DAYS.contains(name)) {
                days.add(DayOfWeek.valueOf(name));
            } else {
                s.problems().add(day.line(), day.path(), "\"" + day.text() + "\" is not a day of the week",
                        "known: " + String.join(", ", DAYS));
            }
        }
        List<String> periods = new ArrayList<>();
        List<Section.Item> periodItems = s.texts("periods");
        if (periodItems.isEmpty()) {
            s.missing("periods", "list at least one period, e.g. periods: [\"09:00-12:00\"]");
        }
        for (Section.Item period : periodItems) {
            try {
                TimeRange range = TimeRange.parse(period.text());
                if (slotMinutes != null && range.start().plusMinutes(slotMinutes).isAfter(range.end())) {
                    s.problems().add(period.line(), period.path(), "period " + period.text()
                            + " is shorter than one slot (" + slotMinutes + " min)", "lengthen it or shorten slotMinutes");
                }
                periods.add(period.text().strip());
            } catch (IllegalArgumentException e) {
                s.problems().add(period.line(), period.path(), e.getMessage(), "quote it: \"09:00-12:00\"");
            }
        }
        List<LocalDate> closed = new ArrayList<>();
        for (Section.Item date : s.texts("closedDates")) {
            try {
                closed.add(LocalDate.parse(date.text().strip()));
            } catch (DateTimeParseException e) {
                s.problems().add(date.line(), date.path(), "\"" + date.text() + "\" is not a date",
                        "write ISO dates, e.g. 2026-10-01");
            }
        }
        s.rejectUnknownKeys();
        return new WorkingPlan(days, periods, closed);
    }

    private List<CertificateRule> certificates(List<Section> items) {
        List<CertificateRule> rules = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (Section s : items) {
            String type = s.requiredText("type", "no-criminal-record");
            if (type != null && !types.add(type)) {
                s.problem("type", "certificate type \"" + type + "\" appears twice", "keep one entry per type");
            } else if (type != null) {
                certificateTypeProblem.apply(type).ifPresent(problem -> s.problem("type", problem,
                        "add the template, or remove this entry to stop offering the certificate"));
            }
            String prefix = s.requiredText("numberPrefix", "WFZ");
            if (prefix != null && !prefix.matches("[A-Z]{2,6}")) {
                s.problem("numberPrefix", "\"" + prefix + "\" is not a number prefix", "2-6 capital letters, e.g. WFZ");
            }
            Integer reprints = s.integer("reprintLimit", 0, 0, 100);
            String assurance = s.optionalText("assurance", null);
            if (assurance != null) {
                AssuranceRules.problem(assurance.strip(), CertificateRule.WEAKEST_ALLOWED, installation.faceVerification())
                        .ifPresent(p -> s.problem("assurance", p.message(), p.hint()));
            }
            s.rejectUnknownKeys();
            rules.add(new CertificateRule(type, prefix, reprints == null ? 0 : reprints,
                    assurance == null ? null : assurance.strip()));
        }
        return rules;
    }

    private PlatformSettings platform(Section s) {
        String type = s.choice("type", PlatformSettings.EMBEDDED, List.of(PlatformSettings.EMBEDDED, PlatformSettings.HTTP));
        Integer connect = s.integer("connectTimeoutMs", 3_000, 100, 60_000);
        Integer request = s.integer("requestTimeoutMs", 8_000, 100, 120_000);
        Integer maxReply = s.integer("maxReplyBytes", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024);
        String caFile = HttpEndpointRules.caFile(s, "/etc/openkiosk/platform-ca.pem", "the platform's");
        String baseUrl = PlatformSettings.HTTP.equals(type)
                ? HttpEndpointRules.baseUrl(s, "https://platform.example.gov.cn/kiosk", installation.plainHttpAllowed(),
                        "the service platform", "ID numbers, face photos and certificates",
                        "plain http:// only in ./kiosk demo or with kiosk.testInstallation: true")
                : s.optionalText("baseUrl", null);
        String token = HttpEndpointRules.tokenEnvironment(s, "KIOSK_PLATFORM_TOKEN");
        s.rejectUnknownKeys();
        return new PlatformSettings(type, baseUrl, s.entry("connectTimeoutMs").isPresent() ? connect : null,
                s.entry("requestTimeoutMs").isPresent() ? request : null, token,
                s.entry("maxReplyBytes").isPresent() ? maxReply : null, caFile);
    }
}
