# Sends exactly one probe packet and reports what the kernel said about it.
# Usage: perl -e <this script> PROTOCOL SRC DST SRC_PORT DST_PORT TOS
#   PROTOCOL: udp | tcp (one SYN via a non-blocking connect) | icmp (echo request, id = SRC_PORT) | gre (raw IP protocol 47)
# Output: one line, "sent" or "error <ERRNO_NAME>" when sending failed, e.g. "error ENETUNREACH".
# Only perl-base modules are used (Socket, Errno), so this runs on any Debian without extra packages.
use strict;
use warnings;
use Socket qw(AF_INET SOCK_DGRAM SOCK_STREAM SOCK_RAW IPPROTO_IP IP_TOS IPPROTO_ICMP pack_sockaddr_in inet_aton);
use Errno;

my ($protocol, $src, $dst, $sport, $dport, $tos) = @ARGV;
die "usage: PROTOCOL SRC DST SRC_PORT DST_PORT TOS\n" unless defined $tos;

# %! (from Errno) is true only under the name of the current errno.
sub errno_name {
    for my $name (keys %!) {
        return $name if $!{$name};
    }
    return "E" . (0 + $!);
}

sub report_error { print "error ", errno_name(), "\n"; exit 0; }

# Failures to set the socket up are the scenario's fault (e.g. a source address the namespace does not have),
# not the kernel's answer: they end the script with a message and a non-zero exit status.
sub open_socket {
    my ($type, $proto, $bind_port) = @_;
    socket(my $socket, AF_INET, $type, $proto) or die "socket: $!\n";
    # The TOS byte marks the probe so that observers count it and nothing else (kernel ICMP errors carry another TOS).
    setsockopt($socket, IPPROTO_IP, IP_TOS, pack("i", $tos)) or die "setsockopt IP_TOS: $!\n";
    bind($socket, pack_sockaddr_in($bind_port, inet_aton($src))) or die "bind $src:$bind_port: $!\n";
    return $socket;
}

sub icmp_checksum {
    my ($data) = @_;
    $data .= "\0" if length($data) % 2;
    my $sum = 0;
    $sum += $_ for unpack("n*", $data);
    $sum = ($sum >> 16) + ($sum & 0xffff) while $sum >> 16;
    return ~$sum & 0xffff;
}

my $destination = pack_sockaddr_in(($protocol eq 'udp' || $protocol eq 'tcp') ? $dport : 0, inet_aton($dst));

if ($protocol eq 'udp') {
    my $socket = open_socket(SOCK_DGRAM, 0, $sport);
    defined(send($socket, "vpnlint-probe", 0, $destination)) or report_error();
} elsif ($protocol eq 'tcp') {
    my $socket = open_socket(SOCK_STREAM, 0, $sport);
    # connect() on a non-blocking socket emits the SYN and returns EINPROGRESS at once; we never wait for the handshake.
    defined($socket->blocking(0)) or die "non-blocking: $!\n";
    connect($socket, $destination) or $!{EINPROGRESS} or report_error();
} elsif ($protocol eq 'icmp') {
    my $socket = open_socket(SOCK_RAW, IPPROTO_ICMP, 0);
    my $payload = "vpnlint-probe";
    my $header = pack("CCnnn", 8, 0, 0, $sport, 1);
    my $checksum = icmp_checksum($header . $payload);
    defined(send($socket, pack("CCnnn", 8, 0, $checksum, $sport, 1) . $payload, 0, $destination)) or report_error();
} elsif ($protocol eq 'gre') {
    my $socket = open_socket(SOCK_RAW, 47, 0);
    # A minimal GRE header (no flags, protocol 0x0800) followed by filler; nothing decapsulates it.
    defined(send($socket, pack("nn", 0, 0x0800) . "vpnlint-probe", 0, $destination)) or report_error();
} else {
    die "unknown protocol $protocol\n";
}
print "sent\n";
