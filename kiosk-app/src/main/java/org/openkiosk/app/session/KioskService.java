package org.openkiosk.app.session;

/** The citizen services offered on the attract screen. */
public enum KioskService {
    /** Progress of a matter, my appointments, my certificates, service guides. */
    QUERIES,
    /** Certificates printed on A4. */
    CERTIFICATE_PRINTING,
    /** Book an appointment for a counter. */
    APPOINTMENTS,
    /** Check in with an appointment and take a queue ticket. */
    CHECK_IN,
    /** Check a printed certificate's code (证明核验): no identification needed (services.yaml assurance.certificateCheck). */
    CERTIFICATE_CHECK
}
