package org.vpnlint.model;

/** What kind of Linux network device a VyOS interface node becomes. */
public enum InterfaceKind {
    ETHERNET,
    VLAN,
    BONDING,
    BRIDGE,
    SWITCH,
    DUMMY,
    LOOPBACK,
    TUNNEL,
    VTI,
    PPPOE,
    WIREGUARD,
    OPENVPN,
    OTHER
}
