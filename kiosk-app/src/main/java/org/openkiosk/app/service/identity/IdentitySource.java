package org.openkiosk.app.service.identity;

/** How the citizen identified. */
public enum IdentitySource { CARD, APPOINTMENT_QR, TYPED_NUMBER }
