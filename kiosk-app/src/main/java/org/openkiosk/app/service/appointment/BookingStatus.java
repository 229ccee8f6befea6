package org.openkiosk.app.service.appointment;

/** A booking's life: booked → cancelled, or booked → checked in (used). */
public enum BookingStatus { BOOKED, CANCELLED, CHECKED_IN }
