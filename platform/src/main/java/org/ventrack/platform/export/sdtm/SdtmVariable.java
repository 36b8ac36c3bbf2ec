package org.ventrack.platform.export.sdtm;

/**
 * One column of an SDTM-shaped dataset, described as a define file would: name, label, type, controlled terms and
 * where the value comes from.
 *
 * @param type     {@code Char} or {@code Num}
 * @param codelist the controlled terms or format the values keep to, empty when free text
 * @param origin   the VenTrack API field it is taken from, or how it is derived
 */
public record SdtmVariable(String name, String label, String type, String codelist, String origin) {

    static SdtmVariable chr(String name, String label, String codelist, String origin) {
        return new SdtmVariable(name, label, "Char", codelist, origin);
    }

    static SdtmVariable num(String name, String label, String codelist, String origin) {
        return new SdtmVariable(name, label, "Num", codelist, origin);
    }
}
