package io.tidings.core.dispatch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which addresses a template's attachment URL may reach. A template is written by an administrator
 * or a partner, not by whoever runs the network, so without this a template could make Tidings
 * request internal services (a database console, the cloud metadata address). Internal addresses
 * are refused unless the operator names the host or its range in {@code attachmentAllowedHosts}.
 */
final class AddressPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AddressPolicy.class);

    /** Looks a host up; the JDK's DNS in production, a fixed table in tests. */
    @FunctionalInterface
    interface HostLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    static final HostLookup DNS = InetAddress::getAllByName;

    /** A host refused, with the range that made it internal. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        final InetAddress address;
        final String range;

        Refused(InetAddress address, String range) {
            super(address.getHostAddress() + " (" + range + ")");
            this.address = address;
            this.range = range;
        }
    }

    /** An address range in CIDR notation. */
    private record Range(byte[] network, int prefix, String text) {

        static Range parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            byte[] network = literal(parts[0].trim())
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address range: " + cidr));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("not an IP address range: " + cidr);
            }
            return new Range(network, prefix, cidr.trim());
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Loopback, private, shared, link-local (the metadata address), unspecified and multicast. */
    private static final List<Range> INTERNAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Range::parse).toList();

    /** IPv6 prefixes that carry an IPv4 address in their last 32 bits: mapped, compatible, NAT64. */
    private static final List<Range> EMBEDDING_IPV4 = List.of("::ffff:0:0/96", "::/96", "64:ff9b::/96").stream()
            .map(Range::parse).toList();

    private final List<String> allowedNames = new ArrayList<>();
    private final List<Range> allowedRanges = new ArrayList<>();
    private final HostLookup lookup;

    /** @param allowedHosts host names or CIDR ranges (a bare address is its own range) that may be internal */
    AddressPolicy(List<String> allowedHosts, HostLookup lookup) {
        this.lookup = lookup;
        for (String entry : allowedHosts) {
            String e = entry == null ? "" : entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (literal(e.split("/", 2)[0]).isPresent()) {
                try {
                    allowedRanges.add(Range.parse(e));
                } catch (IllegalArgumentException malformed) {
                    // refusing more than the operator meant is the safe side of a typo
                    LOG.warn("attachmentAllowedHosts: {} is not a CIDR range; ignored", e);
                }
            } else {
                allowedNames.add(e.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The address to connect to for a host: every address it resolves to must be public or allowed,
     * so a name cannot hide one internal address among public ones. The caller connects to the
     * address returned, never to the name, so no second lookup can answer differently.
     */
    InetAddress check(String host) throws UnknownHostException, Refused {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = lookup.lookup(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        boolean nameAllowed = allowedNames.contains(bare.toLowerCase(Locale.ROOT));
        for (InetAddress address : addresses) {
            Optional<String> internal = internalRange(address.getAddress());
            if (internal.isPresent() && !nameAllowed && !allowed(address.getAddress())) {
                throw new Refused(address, internal.get());
            }
        }
        return addresses[0];
    }

    /** The internal range an address is in, looking through IPv6 forms that embed an IPv4 address. */
    static Optional<String> internalRange(byte[] address) {
        for (Range range : INTERNAL) {
            if (range.contains(address)) {
                return Optional.of(range.text());
            }
        }
        byte[] embedded = embeddedIpv4(address);
        return embedded == null ? Optional.empty() : internalRange(embedded);
    }

    /** Allowed in any of its forms: an IPv4 address also as ::ffff:a.b.c.d, an IPv6 one also as the IPv4 it embeds. */
    private boolean allowed(byte[] address) {
        byte[] other = address.length == 4 ? mapped(address) : embeddedIpv4(address);
        return allowedRanges.stream().anyMatch(r -> r.contains(address) || other != null && r.contains(other));
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private static byte[] embeddedIpv4(byte[] address) {
        if (address.length != 16 || EMBEDDING_IPV4.stream().noneMatch(r -> r.contains(address))) {
            return null;
        }
        return Arrays.copyOfRange(address, 12, 16);
    }

    /** The bytes of an IP literal, without any DNS lookup; empty for a host name. */
    private static Optional<byte[]> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipv4 && !(t.contains(":") && t.matches("[0-9A-Fa-f:.]+"))) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(t).getAddress();
            // the JDK turns ::ffff:a.b.c.d into an IPv4 address; a range written so keeps its IPv6 form
            return Optional.of(bytes.length == 4 && t.contains(":") ? mapped(bytes) : bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
