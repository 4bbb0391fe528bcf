package org.vpnlint.oracle;

/**
 * What the sending socket reported.
 *
 * @param sent      true when sendto/connect accepted the packet (it may still vanish later, e.g. into an XFRM
 *                  blackhole)
 * @param errorName the errno name when it did not, e.g. ENETUNREACH; null when sent
 */
public record SendResult(boolean sent, String errorName) {

    /**
     * Whether the send failed because an IPsec policy lookup found no state: the lookup after source NAT
     * ({@code nf_xfrm_me_harder}) returns EREMOTE and the NAT hook hands that error back to the sender.
     */
    public boolean refusedByXfrm() {
        return !sent && "EREMOTE".equals(errorName);
    }

    static SendResult parse(String senderOutput) {
        String line = senderOutput.strip();
        if (line.equals("sent")) {
            return new SendResult(true, null);
        }
        if (line.startsWith("error ")) {
            return new SendResult(false, line.substring("error ".length()));
        }
        throw new IllegalStateException("unexpected output from the probe sender: " + line);
    }

    @Override
    public String toString() {
        return sent ? "sent" : "error " + errorName;
    }
}
