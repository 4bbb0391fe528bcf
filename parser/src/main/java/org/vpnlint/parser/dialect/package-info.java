/**
 * From a parsed configuration to the vendor-neutral {@link org.vpnlint.model.Router}.
 *
 * <p>{@link org.vpnlint.parser.dialect.RouterMapper#map} is the entry point: {@link
 * org.vpnlint.parser.dialect.DialectDetector} decides whether the file is VyOS 1.2, 1.3, 1.4, 1.5 or EdgeOS
 * (footer, release line, node shapes; the {@code --dialect} option overrides), then one mapper per concern
 * reads its family: interfaces, static routes, NAT, firewall, IPsec. Dialect differences are small strategy
 * points inside them (peer identity syntax, the firewall's attachment model, default values), not copies.
 *
 * <p>Nothing here throws on bad input. Every child node a mapper does not read is reported as
 * {@code unsupported-syntax} ({@code ConfigSection.finish()}), values that do not parse
 * as {@code invalid-value}, and secrets are turned into fingerprints the moment they are read.
 */
package org.vpnlint.parser.dialect;
