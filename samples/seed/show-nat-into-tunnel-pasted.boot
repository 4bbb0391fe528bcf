/*
 * Seed, pasted verbatim: the NAT half of "Exploiting the interaction" exactly as the article prints it,
 * including the part that lost its line breaks and the second prompt in the middle of a line
 * ("} } vyos@vyos# show nat destination rule 10 { ... }"). The reader splits such runs into statements and
 * says so in a warning diagnostic. Only NAT is shown, no IPsec: no findings. The whole router is
 * seed/nat-into-tunnel-overlapping-subnets.boot.
 */

vyos@vyos# show nat source 
 rule 10 {
     outbound-interface any
destination {
address 10.10.10.55
}
 source { address 192.168.10.45 }
 translation { address 172.16.17.45 } } vyos@vyos# show nat destination rule 10 { destination { address 172.16.17.45 } inbound-interface any translation { address 192.168.10.45 } }
