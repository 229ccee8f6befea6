package org.openkiosk.device.a4.ipp;

/**
 * Bounds a decoder holds a message to, so that a malformed or hostile reply is a clear
 * {@link IppFormatException} and never an out-of-memory error or a hang.
 *
 * @param maxMessageBytes      the attribute part of one message (document data of a request excluded)
 * @param maxValues            attribute values in the whole message, collection members included
 * @param maxValuesPerAttribute values of one attribute (1setOf)
 * @param maxCollectionDepth   collections inside collections
 */
public record IppLimits(int maxMessageBytes, int maxValues, int maxValuesPerAttribute, int maxCollectionDepth) {

    /**
     * Room for a real printer's full Get-Printer-Attributes answer ({@code ippeveprinter} with
     * {@code requested-attributes=all}: about 8 KB and 300 values; large office printers send 100–300 KB with
     * media-col-database) with a wide margin.
     */
    public static final IppLimits DEFAULT = new IppLimits(2 * 1024 * 1024, 50_000, 5_000, 8);

    public IppLimits {
        if (maxMessageBytes < 9 || maxValues < 1 || maxValuesPerAttribute < 1 || maxCollectionDepth < 0) {
            throw new IllegalArgumentException("IPP limits must be positive");
        }
    }
}
