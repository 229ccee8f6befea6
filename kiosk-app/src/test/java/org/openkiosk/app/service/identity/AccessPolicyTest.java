package org.openkiosk.app.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.platform.DemoData;

/** Every service against every way of identifying, with the shipped (safe default) levels. */
class AccessPolicyTest {

    static final String BOOKING = "BK0001";
    final AccessPolicy policy = new AccessPolicy(shipped());

    static Identity typed() {
        return new Identity(DemoData.TEST_PERSON, Optional.empty(), IdentitySource.TYPED_NUMBER, Optional.empty(),
                Optional.empty());
    }

    static Identity slip() {
        return new Identity(DemoData.TEST_PERSON, Optional.empty(), IdentitySource.APPOINTMENT_QR, Optional.empty(),
                Optional.of(BOOKING));
    }

    static Identity card() {
        return new Identity(DemoData.TEST_PERSON, Optional.of("测试"), IdentitySource.CARD,
                Optional.of(CardType.RESIDENT_ID), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(ProtectedService.class)
    void aCardIsEnoughForEveryService(ProtectedService service) {
        assertThatCode(() -> policy.require(service, Optional.of(card()), Optional.of(BOOKING)))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.require(service, Optional.of(card()), Optional.empty()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(ProtectedService.class)
    void aTypedNumberOnlyGetsGuidesWalkInTicketsAndCheckIn(ProtectedService service) {
        boolean allowed = service == ProtectedService.GUIDES || service == ProtectedService.WALK_IN_TICKET
                || service == ProtectedService.CHECK_IN || service == ProtectedService.CERTIFICATE_CHECK;
        for (Optional<String> target : java.util.List.of(Optional.<String>empty(), Optional.of(BOOKING))) {
            if (allowed) {
                assertThatCode(() -> policy.require(service, Optional.of(typed()), target)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> policy.require(service, Optional.of(typed()), target))
                        .isInstanceOfSatisfying(AssuranceException.class,
                                e -> assertThat(e.required()).isEqualTo(AssuranceLevel.CARD));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtectedService.class)
    void aSlipCountsAsATypedNumberForEverythingButItsOwnBooking(ProtectedService service) {
        boolean publicService = !service.safeDefault().atLeast(AssuranceLevel.SLIP); // none or typed number
        // another booking, or no booking at all: no more than a typed number
        for (Optional<String> target : java.util.List.of(Optional.<String>empty(), Optional.of("BK9999"))) {
            if (publicService) {
                assertThatCode(() -> policy.require(service, Optional.of(slip()), target)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> policy.require(service, Optional.of(slip()), target))
                        .isInstanceOf(AssuranceException.class);
            }
        }
        assertThat(slip().assuranceFor(BOOKING)).isEqualTo(AssuranceLevel.SLIP);
        assertThat(slip().assuranceFor("BK9999")).isEqualTo(AssuranceLevel.TYPED_NUMBER);
    }

    @Test
    void nobodyIdentifiedGetsOnlyTheTypedNumberServices() {
        assertThatCode(() -> policy.require(ProtectedService.GUIDES, Optional.empty(), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.require(ProtectedService.WALK_IN_TICKET, Optional.empty(), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.require(ProtectedService.PROGRESS, Optional.empty(), Optional.empty()))
                .isInstanceOf(AssuranceException.class);
    }

    @Test
    void certificatesNeedTheCardEvenForAKnownNumber() {
        for (Identity weak : java.util.List.of(typed(), slip())) {
            assertThatThrownBy(() -> policy.requireCertificate("no-criminal-record", weak))
                    .isInstanceOfSatisfying(AssuranceException.class,
                            e -> assertThat(e.required()).isEqualTo(AssuranceLevel.CARD));
        }
        assertThatCode(() -> policy.requireCertificate("no-criminal-record", card())).doesNotThrowAnyException();
        assertThat(policy.requiredForCertificate("not-a-type")).isEqualTo(AssuranceLevel.CARD);
    }

    @Test
    void aSlipMayCancelItsOwnBookingWhenTheNetworkSaysSo() throws Exception {
        var catalogue = new CatalogueLoader().loadDefault();
        var rules = new org.openkiosk.app.service.catalogue.AssuranceRules(null, null, "slip", null, null, null,
                null, "slip");
        AccessPolicy lenient = new AccessPolicy(new org.openkiosk.app.service.catalogue.ServiceCatalogue(
                catalogue.zone(), catalogue.checkIn(), catalogue.services(), catalogue.certificates(),
                catalogue.platform(), rules));
        assertThatCode(() -> lenient.require(ProtectedService.CANCEL, Optional.of(slip()), Optional.of(BOOKING)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> lenient.require(ProtectedService.CANCEL, Optional.of(slip()), Optional.of("BK9999")))
                .isInstanceOfSatisfying(AssuranceException.class,
                        e -> assertThat(e.required()).isEqualTo(AssuranceLevel.SLIP));
        assertThatThrownBy(() -> lenient.require(ProtectedService.CHECK_IN, Optional.of(typed()), Optional.empty()))
                .isInstanceOf(AssuranceException.class);
        assertThatCode(() -> lenient.requireSlip(ProtectedService.CHECK_IN)).doesNotThrowAnyException();
    }

    static org.openkiosk.app.service.catalogue.ServiceCatalogue shipped() {
        try {
            return new CatalogueLoader().loadDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
