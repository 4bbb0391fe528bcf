package org.vpnlint.cli;

import org.vpnlint.model.Dialect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --dialect vyos-1.2|vyos-1.3|vyos-1.4|vyos-1.5|edgeos}: overrides the detection from the version footer. */
final class DialectOption implements ITypeConverter<Dialect> {
    static final String CHOICES = "vyos-1.2, vyos-1.3, vyos-1.4, vyos-1.5, edgeos";

    @Override
    public Dialect convert(String value) {
        return switch (value) {
            case "vyos-1.2" -> Dialect.VYOS_1_2;
            case "vyos-1.3" -> Dialect.VYOS_1_3;
            case "vyos-1.4" -> Dialect.VYOS_1_4;
            case "vyos-1.5" -> Dialect.VYOS_1_5;
            case "edgeos" -> Dialect.EDGEOS;
            default -> throw new TypeConversionException("'" + value + "' is not a dialect (" + CHOICES + ")");
        };
    }
}
