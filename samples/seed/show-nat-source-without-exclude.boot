/*
 * Seed, pasted verbatim: the article's first `show nat source` output, prompt line included, exactly as the
 * article prints it (odd leading space and all). The file holds only NAT, no IPsec, so there is no tunnel
 * for rule 10 to capture: no findings. The same rule inside a whole router is seed/snat-without-exclude.boot.
 */

vyos@vyos# show nat source 
 rule 10 {
     outbound-interface eth0
     source {
         address 192.168.10.0/24
     }
     translation {
         address 203.0.113.134
     }
 }
