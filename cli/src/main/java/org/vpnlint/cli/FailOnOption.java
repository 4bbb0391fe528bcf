package org.vpnlint.cli;

import org.vpnlint.cli.analysis.FailOn;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --fail-on error|warning|note|never}. */
final class FailOnOption implements ITypeConverter<FailOn> {

    @Override
    public FailOn convert(String value) {
        try {
            return FailOn.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a level (error, warning, note, never)");
        }
    }
}
