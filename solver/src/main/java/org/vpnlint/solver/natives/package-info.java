/**
 * Z3's native libraries, unpacked once per Z3 build into a cache and reused, instead of into a new temporary
 * directory on every JVM start. {@code tools.aqua.turnkey.support.TurnKey} (called by {@code com.microsoft.z3.Native})
 * reads the jar's {@code turnkey.xml} through {@link org.vpnlint.solver.natives.NativeBundle}, checks every library
 * against the sizes and sha256 pinned in {@code pinned-natives.properties}, and keeps them in
 * {@link org.vpnlint.solver.natives.CacheRoot}{@code /z3-<version>-<os>-<arch>-<hash>/} via
 * {@link org.vpnlint.solver.natives.NativeLibraryCache}.
 */
package org.vpnlint.solver.natives;
