package org.openkiosk.app.service.identity;

/**
 * The citizen proved too little for what they asked ({@link AccessPolicy}). Deliberately says nothing about
 * whether any record exists: the screen only asks for the stronger proof ({@link #required()}).
 */
public class AssuranceException extends RuntimeException {

    private final AssuranceLevel required;

    public AssuranceException(AssuranceLevel required, String message) {
        super(message);
        this.required = required;
    }

    /** The least level the service needs. */
    public AssuranceLevel required() {
        return required;
    }
}
