package org.openkiosk.app.ui.flow;

/** Keys of the choices a flow records in the citizen session ({@code CitizenSession.choose}). */
public final class SessionKeys {

    public static final String CARD_TYPE = "cardType";
    public static final String BOOKING_CODE = "bookingCode";
    /** What the rating at the end of the flow is about, a certificate type or a service code (≤ 32 characters). */
    public static final String RATED_SERVICE = "ratedService";
    /** Present once a receipt, ticket or slip came out of the receipt printer (the leaving screen mentions it). */
    public static final String RECEIPT_PRINTED = "receiptPrinted";

    private SessionKeys() {}
}
