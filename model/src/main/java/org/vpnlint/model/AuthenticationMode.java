package org.vpnlint.model;

/** How IKE peers authenticate each other. */
public enum AuthenticationMode {
    PRE_SHARED_SECRET,
    RSA,
    X509
}
