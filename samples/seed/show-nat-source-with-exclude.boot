/*
 * Seed, pasted verbatim: the article's fixed `show nat source` output from another host (VyOS-AMI), with
 * the article's inconsistent indentation. Rule 5 excludes 10.10.10.0/24 before rule 10 translates the LAN.
 * Only NAT is shown, no IPsec: no findings. The whole router is seed/snat-with-exclude.boot.
 */

vyos@VyOS-AMI# show nat source 
rule 5 {
    outbound-interface eth0
    destination {
        address 10.10.10.0/24
    }
    exclude
}
 rule 10 {
     outbound-interface eth0
     source {
         address 192.168.10.0/24
     }
     translation {
         address 203.0.113.134
     }
 }
