package org.openkiosk.app.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.identity.AssuranceLevel;
import org.openkiosk.app.service.identity.ProtectedService;

/** The {@code assurance} section of services.yaml: safe defaults, stated levels, and levels refused as unsafe. */
class AssuranceRulesTest {

    @TempDir
    Path dir;

    final CatalogueLoader loader = new CatalogueLoader();

    @Test
    void theShippedCatalogueStatesTheSafeDefaults() throws Exception {
        ServiceCatalogue shipped = loader.loadDefault();
        for (ProtectedService s : ProtectedService.values()) {
            assertThat(shipped.assurance().levelOf(s)).as(s.configKey()).isEqualTo(s.safeDefault());
        }
        assertThat(shipped.certificates()).allSatisfy(c -> assertThat(c.assuranceLevel()).isEqualTo(AssuranceLevel.CARD));
        // and the repository's config/services.yaml too
        assertThat(loader.load(Path.of("..", "config", "services.yaml")).assurance())
                .isEqualTo(shipped.assurance());
    }

    @Test
    void anAbsentSectionMeansTheSafeDefaults() throws Exception {
        ServiceCatalogue c = loader.load(write(""));
        assertThat(c.assurance().levelOf(ProtectedService.GUIDES)).isEqualTo(AssuranceLevel.TYPED_NUMBER);
        assertThat(c.assurance().levelOf(ProtectedService.WALK_IN_TICKET)).isEqualTo(AssuranceLevel.TYPED_NUMBER);
        assertThat(c.assurance().levelOf(ProtectedService.CHECK_IN)).isEqualTo(AssuranceLevel.TYPED_NUMBER);
        assertThat(c.assurance().levelOf(ProtectedService.PROGRESS)).isEqualTo(AssuranceLevel.CARD);
        assertThat(c.assurance().levelOf(ProtectedService.BOOKING)).isEqualTo(AssuranceLevel.CARD);
        assertThat(c.assurance().levelOf(ProtectedService.CANCEL)).isEqualTo(AssuranceLevel.CARD);
        assertThat(c.certificate("no-criminal-record").orElseThrow().assuranceLevel()).isEqualTo(AssuranceLevel.CARD);
    }

    @Test
    void statedLevelsAreUsed() throws Exception {
        ServiceCatalogue c = loader.load(write("""
                assurance:
                  walkInTicket: card
                  checkIn: slip
                  cancel: slip
                """));
        assertThat(c.assurance().levelOf(ProtectedService.WALK_IN_TICKET)).isEqualTo(AssuranceLevel.CARD);
        assertThat(c.assurance().levelOf(ProtectedService.CHECK_IN)).isEqualTo(AssuranceLevel.SLIP);
        assertThat(c.assurance().levelOf(ProtectedService.CANCEL)).isEqualTo(AssuranceLevel.SLIP);
        assertThat(c.assurance().levelOf(ProtectedService.PROGRESS)).isEqualTo(AssuranceLevel.CARD);
    }

    @Test
    void unsafeOrUnknownLevelsAreAllListedWithTheirPath() throws Exception {
        Path file = write("""
                assurance:
                  progress: typed-number
                  booking: slip
                  cancel: typed-number
                  guides: passport
                  myCertificates: card-and-face
                  walkInTicket: none
                """, "    assurance: slip\n");
        CatalogueLoader withoutFaceVerifier = new CatalogueLoader(t -> java.util.Optional.empty(),
                new InstallationFacts(false, false));
        assertThatThrownBy(() -> withoutFaceVerifier.load(file)).isInstanceOfSatisfying(CatalogueException.class, e -> {
            assertThat(e.getMessage())
                    .contains("services.yaml:16 assurance.progress: typed-number is too weak")
                    .contains("assurance.booking: slip is too weak here (a slip proves only its own booking)")
                    .contains("assurance.cancel: typed-number is too weak here (anyone can type a neighbour's number)"
                            + " (use slip or stronger)")
                    .contains("assurance.guides: 'passport' is no assurance level (one of none, typed-number, slip,"
                            + " card, card-and-face)")
                    .contains("assurance.myCertificates: card-and-face needs face verification (人证核验), but"
                            + " kiosk.yaml configures no faceVerifier device (add devices.faceVerifier, or use card)")
                    .contains("assurance.walkInTicket: none is too weak here (none is only for the certificate check)")
                    .contains("services.yaml:14 certificates[0].assurance: slip is too weak here");
        });
    }

    @Test
    void cardAndFaceIsAcceptedWhereAFaceVerifierIsConfigured() throws Exception {
        CatalogueLoader withFaceVerifier = new CatalogueLoader(t -> java.util.Optional.empty(),
                new InstallationFacts(false, true));
        ServiceCatalogue c = withFaceVerifier.load(write("assurance:\n  myCertificates: card-and-face\n",
                "    assurance: card-and-face\n"));
        assertThat(c.assurance().levelOf(ProtectedService.MY_CERTIFICATES)).isEqualTo(AssuranceLevel.CARD_AND_FACE);
        assertThat(new org.openkiosk.app.service.identity.AccessPolicy(c).requiredToEnterCertificates())
                .isEqualTo(AssuranceLevel.CARD_AND_FACE);
    }

    @Test
    void theCertificateCheckNeedsNoIdentificationByDefaultAndMayAskForMore() throws Exception {
        ServiceCatalogue byDefault = loader.load(write("assurance:\n  guides: typed-number\n"));
        assertThat(byDefault.assurance().levelOf(ProtectedService.CERTIFICATE_CHECK)).isEqualTo(AssuranceLevel.NONE);
        ServiceCatalogue stricter = loader.load(write("assurance:\n  certificateCheck: card\n"));
        assertThat(stricter.assurance().levelOf(ProtectedService.CERTIFICATE_CHECK)).isEqualTo(AssuranceLevel.CARD);
    }

    @Test
    void anUnknownKeyInTheSectionIsAnError() throws Exception {
        Path file = write("assurance:\n  progres: card\n");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(CatalogueException.class,
                e -> assertThat(e.getMessage()).contains("progres"));
    }

    private Path write(String assurance) throws Exception {
        return write(assurance, "");
    }

    private Path write(String assurance, String certificateExtra) throws Exception {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, """
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services:
                  - code: x
                    titleZh: 甲
                    titleEn: X
                    counterType: x
                    ticketPrefix: A
                    averageServiceMinutes: 5
                certificates:
                  - type: no-criminal-record
                    numberPrefix: WFZ
                    reprintLimit: 1
                """ + certificateExtra + assurance);
        return file;
    }
}
